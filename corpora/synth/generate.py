"""Synthetic union plans with their gold, in the format of ../shared/corpora/gold/*.json.

    python corpora/synth/generate.py --n 300 --seed 7 --out DIR   # writes DIR/<id>.txt + DIR/<id>.json
    from corpora.synth.generate import generate; generate(300, 7) -> [(id, text, gold_dict)]

Each plan is assembled piece by piece and every piece records its own truth as it is written,
so the gold is exact by construction: header layouts (flattened columns with space runs,
interleaved lines, tabs), numbering styles, reference / date / target / award forms, distractors
that must not be tagged (years, school-year ranges, quoted campaign names, counts), and the
errors the checks must find (CONTRACT finding codes, with evidence). Phrases are written for
this generator or derived from the two seed plans; no third-party text.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

# ---------------------------------------------------------------- vocabularies

PLACES = [("Hương Thủy", "thị xã"), ("Phú Vang", "huyện"), ("Hà Đông", "quận"), ("Hương Trà", "thị xã"),
          ("Quảng Điền", "huyện"), ("Cầu Giấy", "quận"), ("Thanh Xuân", "quận"), ("Phong Điền", "huyện"),
          ("Nam Đông", "huyện"), ("Long Biên", "quận"), ("Sơn Tây", "thị xã"), ("Điện Bàn", "thị xã")]
SCHOOLS = [("Mầm non", "MN", ["Sơn Ca", "Hoa Mai", "Họa Mi", "Bình Minh", "Sen Hồng"]),
           ("Tiểu học", "TH", ["Lê Quý Đôn", "Kim Đồng", "Nguyễn Trãi", "Trần Phú", "Võ Thị Sáu"]),
           ("THCS", "THCS", ["Phú Đa", "Nguyễn Du", "Chu Văn An", "Lý Thường Kiệt", "Hùng Vương"]),
           ("THPT", "THPT", ["Nguyễn Huệ", "Phan Đăng Lưu", "Hai Bà Trưng", "Quốc Học", "Thuận An"])]
NAMES = ["Nguyễn Thị Huệ", "Trần Văn Bình", "Lê Thị Mai", "Phạm Thị Thu Hà", "Hoàng Văn Nam", "Võ Thị Lan",
         "Đặng Thị Hồng", "Bùi Văn Tùng", "Ngô Thị Thanh", "Huỳnh Thị Kim Anh"]

HEADINGS_TOP = [
    "Nhiệm vụ trọng tâm",
    "Công tác tuyên truyền giáo dục, nâng cao chất lượng đội ngũ",
    "Chăm lo, đại diện, bảo vệ quyền và lợi ích hợp pháp, chính đáng của đoàn viên",
    "Tổ chức các phong trào thi đua và cuộc vận động",
    "Xây dựng tổ chức công đoàn vững mạnh",
    "Công tác nữ công và bình đẳng giới",
    "Công tác kiểm tra và tài chính công đoàn",
    "Tham gia xây dựng Đảng và chính quyền",
    "Công tác văn hóa, văn nghệ, thể dục thể thao",
    "Nội dung, biện pháp thực hiện",
    "Các chỉ tiêu cơ bản",
    "Tổ chức thực hiện",
    "Công tác đối ngoại",
    "Kiến nghị đề xuất",
]
HEADINGS_SUB = [
    "Công tác tuyên truyền", "Công tác chăm lo đời sống", "Công tác thi đua", "Công tác phát triển đoàn viên",
    "Công tác kiểm tra", "Công tác tài chính", "Hoạt động nữ công", "Đối với nhà trường", "Đối với cấp trên",
    "Hoạt động văn nghệ, thể thao", "Công tác dân chủ cơ sở", "Công tác xã hội, từ thiện",
    "Bồi dưỡng cán bộ công đoàn", "Quản lý đoàn viên",
]
FILLERS = [
    "Công đoàn phối hợp với chuyên môn nhà trường thực hiện đầy đủ, kịp thời các chế độ chính sách có liên quan đến quyền lợi của cán bộ, đoàn viên.",
    "Tiếp tục đẩy mạnh công tác tuyên truyền, vận động đội ngũ cán bộ, đoàn viên chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước.",
    "Tổ chức các hoạt động văn hóa, văn nghệ, thể dục thể thao, các hoạt động giao lưu giữa các tổ công đoàn.",
    "Thực hiện tốt công tác thăm hỏi, trợ cấp đoàn viên khi gặp khó khăn, hoạn nạn.",
    "Nâng cao chất lượng sinh hoạt công đoàn, đặc biệt là sinh hoạt tổ công đoàn.",
    "Thực hiện nghiêm các quy định về quản lý, sử dụng tài chính, tài sản công đoàn; công khai, minh bạch các nguồn thu chi.",
    "Phối hợp với BGH tổ chức tốt Hội nghị viên chức và người lao động đầu năm học.",
    "Tăng cường công tác kiểm tra, giám sát việc thực hiện chế độ chính sách đối với CBNGNLĐ.",
    "Tích cực đổi mới phương pháp dạy học, ứng dụng CNTT trong giảng dạy và quản lý.",
    "Chủ động rà soát, kiện toàn nhân sự Ban Chấp hành, Ủy ban kiểm tra công đoàn khi có biến động.",
    "Cập nhật thông tin đoàn viên kịp thời trên phần mềm quản lý đoàn viên.",
    "Vận động đoàn viên tham gia hiến máu tình nguyện do ngành phát động.",
    "Tổ chức cho đoàn viên tham quan học tập trong và ngoài địa phương.",
    "Thực hiện nghiêm túc Quy chế dân chủ, tăng cường quan hệ gắn bó giữa Công đoàn với chuyên môn nhà trường.",
]
DISTRACTORS = [  # numbers that are not targets (but the money line: a target since issue 11, see _body)
    "Tiếp tục thực hiện nhiệm vụ năm học {sy1} - {sy2} với tinh thần đổi mới, sáng tạo.",
    "Tham gia Chương trình “01 triệu sáng kiến, nỗ lực, vượt khó, sáng tạo” do Tổng Liên đoàn phát động.",
    "Phát động phong trào thi đua chào mừng kỷ niệm {ann} năm Ngày thành lập Công đoàn Việt Nam.",
    "Thực hiện tốt nhiệm vụ trọng tâm năm {y} và chuẩn bị cho năm {y1}.",
    "Quyết toán tài chính năm {y} và lập dự toán năm {y1} đúng quy định.",
    "Tặng quà cho đoàn viên có hoàn cảnh khó khăn với mức 500.000 đồng/suất trong dịp Tết cổ truyền.",
    "Tham gia Nghị quyết Đại hội Công đoàn các cấp nhiệm kỳ 2023 - 2028 và Luật Công đoàn (sửa đổi).",
    "Triển khai phong trào “Giỏi việc trường - Đảm việc nhà” giai đoạn 2022 - 2025.",
]
# target clause templates: (text template, needs)
SUBJECTS = ["đoàn viên", "giáo viên", "cán bộ, giáo viên", "đoàn viên nữ", "gia đình đoàn viên", "tổ công đoàn",
            "CBNGNLĐ", "GV"]
PCT_PREDICATES = [
    "được học tập pháp luật, sống và làm việc theo pháp luật",
    "tham gia các hoạt động do công đoàn cấp trên phát động",
    "không vi phạm kỷ luật lao động",
    "đạt danh hiệu gia đình văn hoá",
    "tham gia viết sáng kiến kinh nghiệm có chất lượng",
    "được thực hiện đầy đủ chế độ BHXH, BHYT",
    "đóng góp các loại quỹ do công đoàn phát động",
    "được bồi dưỡng nghiệp vụ công tác công đoàn",
    "tham gia tập huấn chuyên môn trong hè",
]
VERB_PHRASES = [
    "Thực hiện tốt quy chế đóng góp các loại quỹ như quỹ mái ấm công đoàn, quỹ tình nghĩa kịp thời",
    "Tham gia tập huấn các chuyên đề do công đoàn cấp trên tổ chức",
    "Thực hiện chế độ chính sách cho người lao động đúng quy định",
    "Tham gia đầy đủ các hoạt động tuyên truyền của nhà trường",
    "Hoàn thành kế hoạch thu đoàn phí, kinh phí công đoàn đúng hạn",
]
AWARD_GRANTORS = ["Tổng LĐLĐ Việt Nam", "Công đoàn Giáo dục Việt Nam", "LĐLĐ tỉnh", "Ủy ban nhân dân {unit}",
                  "LĐLĐ {unit} {place}"]
COLLECTIVE_TITLES = ["Công đoàn cơ sở hoàn thành xuất sắc nhiệm vụ", "Công đoàn cơ sở vững mạnh xuất sắc",
                     "Tập thể lao động xuất sắc"]

STATE_REFS = [  # (type, code, issuer template, subject)
    ("Công văn", None, "Phòng GD&ĐT {unit} {place}", "hướng dẫn thực hiện nhiệm vụ năm học {sy}"),
    ("Công văn", None, "Liên đoàn lao động {unit} {place}", "định hướng một số hoạt động trong năm học {sy}"),
    ("Báo cáo", "BC", "Liên đoàn lao động {unit} {place}", "tổng kết hoạt động công đoàn năm học {psy}"),
    ("Kế hoạch", "KH", "Trường {school}", "thực hiện nhiệm vụ năm học {sy}"),
    ("Hướng dẫn", "HD", "Công đoàn Giáo dục Việt Nam", "thực hiện nhiệm vụ năm học {sy}"),
    ("Thông báo", "TB", "Tổng Liên đoàn Lao động Việt Nam", "định hướng một số nhiệm vụ trọng tâm năm {y}"),
    ("Quyết định", "QĐ", "Ủy ban nhân dân {unit} {place}", "ban hành kế hoạch thời gian năm học {sy}"),
    ("Chương trình", "CTr", "Liên đoàn lao động {unit} {place}", "công tác công đoàn năm {y}"),
]
STATE_ISSUER_CODES = {"Phòng GD&ĐT": "PGD&ĐT", "Liên đoàn lao động": "LĐLĐ", "Trường": "{abbr}",
                      "Công đoàn Giáo dục": "CĐGD", "Tổng Liên đoàn": "TLĐ", "Ủy ban nhân dân": "UBND"}
NORMATIVE_REFS = [
    ("Thông tư", "TT", "BGDĐT", "Bộ Giáo dục và Đào tạo", "hướng dẫn thực hiện dân chủ trong hoạt động của cơ sở giáo dục công lập"),
    ("Nghị định", "NĐ", "CP", "Chính phủ", "quy định chi tiết một số điều của Luật Công đoàn"),
    ("Thông tư", "TT", "BGD-ĐT", "Bộ trưởng Bộ GDĐT", "ban hành quy chế tổ chức và hoạt động của trường"),
    ("Quyết định", "QĐ", "TLĐ", "Tổng Liên đoàn Lao động Việt Nam", "ban hành quy định về khen thưởng"),
]
PARTY_REFS = [
    ("Nghị quyết", "NQ", "TW", "Bộ Chính trị", "đổi mới tổ chức và hoạt động của Công đoàn Việt Nam trong tình hình mới"),
    ("Chỉ thị", "CT", "TW", "Bộ Chính trị", "đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"),
    ("Kết luận", "KL", "TW", "Ban Bí thư", "tiếp tục thực hiện Chỉ thị về công tác dân vận"),
    ("Hướng dẫn", "HD", "VPTW", "Văn phòng Trung ương Đảng", "thể thức văn bản của Đảng"),
]


# ---------------------------------------------------------------- builder


@dataclass
class Plan:
    rnd: random.Random
    parts: list[str] = field(default_factory=list)
    gold: dict = field(default_factory=dict)
    dates: list[dict] = field(default_factory=list)

    @property
    def pos(self) -> int:
        return sum(len(p) for p in self.parts)

    def add(self, s: str) -> None:
        self.parts.append(s)

    def date_text(self, y: int, m: int, d: int, style: int | None = None, record: bool = True) -> str:
        r = self.rnd
        style = r.randrange(6) if style is None else style
        if style == 0:
            s = f"ngày {d:02d} tháng {m} năm {y}" if r.random() < .5 else f"ngày {d} tháng {m} năm {y}"
        elif style == 1:
            s = f"ngày {d}/{m}/{y}"
        elif style == 2:
            s = f"ngày {d:02d}/{m:02d}/{y}"
        elif style == 3:
            s = f"ngày {d:02d}-{m:02d}-{y}"
        elif style == 4:
            s = f"ngày {d:02d} tháng {m:02d} năm {y}"
        else:
            s = f"ngày{d}/{m}/{y}"  # typed without the space
        if record:
            self.dates.append({"value": f"{y:04d}-{m:02d}-{d:02d}", "text": s})
        return s

    def text(self) -> str:
        return "".join(self.parts)


def _sym_join(r: random.Random, parts: list[str], seps: list[str]) -> str:
    """Join symbol parts with the given separators, typed the way people type them."""
    out = parts[0]
    messy = r.random() < 0.15
    for p, sep in zip(parts[1:], seps):
        if sep == "-" and r.random() < 0.1:
            sep = "–"
        out += (f" {sep} " if messy else sep) + p
    return out


class Generator:
    def __init__(self, seed: int):
        self.rnd = random.Random(seed)

    # -------------------------------------------------------------- one plan
    def plan(self, idx: int) -> tuple[str, str, dict]:
        r = self.rnd
        p = Plan(r)
        place, unit = r.choice(PLACES)
        level, abbr, names = r.choice(SCHOOLS)
        sname = r.choice(names)
        school = f"{level} {sname}"
        school_abbr = abbr + "".join(w[0] for w in sname.split()).upper()
        kind = r.choice(["school_year", "school_year", "year"])
        y = r.choice([2021, 2022, 2023, 2024, 2025])
        if kind == "school_year":
            doc_month, doc_day = 9, r.randint(10, 28)
            doc_y = y
            period = {"kind": "school_year", "start": f"{y}-09", "end": f"{y + 1}-08"}
        else:
            doc_month, doc_day = r.choice([(1, r.randint(5, 25)), (2, r.randint(1, 20)), (12, r.randint(15, 28))])
            doc_y = y if doc_month < 12 else y - 1
            period = {"kind": "year", "start": f"{y}-01", "end": f"{y}-12"}
        doc_type = r.choice(["Kế hoạch", "Kế hoạch", "Chương trình"])
        ctx = {"place": place, "unit": unit, "school": school, "abbr": school_abbr, "y": y, "y1": y + 1,
               "sy": f"{y}-{y + 1}", "psy": f"{y - 1}-{y}", "sy1": y, "sy2": y + 1, "ann": y - 1929}
        g = p.gold
        findings: list[dict] = []

        # ---- header
        superior = r.choice([f"LIÊN ĐOÀN LAO ĐỘNG {unit.upper()} {place.upper()}",
                             f"CÔNG ĐOÀN GIÁO DỤC {unit.upper()} {place.upper()}", None])
        issuer = r.choice([f"CĐ TRƯỜNG {school.upper()}", f"CÔNG ĐOÀN TRƯỜNG {school.upper()}",
                           f"CĐCS TRƯỜNG {school.upper()}"])
        code = "KH" if doc_type == "Kế hoạch" else "CTr"
        number = r.choice([f"{r.randint(1, 60):02d}/{code}-CĐ", f"{r.randint(1, 60)}/{code}-CĐCS", None])
        hplace = r.choice([place, sname, place])
        date_line = f"{hplace}, " + p.date_text(doc_y, doc_month, doc_day, style=r.choice([0, 4]))
        nat, motto = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"
        num_line = f"Số: {number}" if number else f"Số:     /{code}-CĐ"
        layout = r.choice(["columns", "interleaved", "tabs", "stacked"])
        left = [x for x in (superior, issuer) if x] + [num_line]
        right = [nat, motto, date_line]
        if layout == "columns":
            lines = []
            for i in range(3):
                lft = left[i] if i < len(left) else ""
                gap = " " * r.randint(6, 24)
                lines.append(f"{lft}{gap}{right[i]}" if lft else f"{' ' * 40}{right[i]}")
            if len(left) > 3:
                lines.insert(2, left[2])
            head = "\n".join(lines)
        elif layout == "tabs":
            lines = []
            for i in range(3):
                lft = left[i] if i < len(left) else ""
                lines.append(f"{lft}\t\t{right[i]}")
            head = "\n".join(lines)
        elif layout == "interleaved":
            seq = []
            if superior:
                seq += [superior, nat, issuer, motto]
            else:
                seq += [issuer, nat, motto]
            seq += [num_line, date_line]
            head = "\n".join(seq)
        else:
            head = "\n".join(([superior] if superior else []) + [issuer, num_line, nat, motto, "", date_line])
        p.add(head + "\n\n")

        # ---- title
        if doc_type == "Kế hoạch":
            t1 = "KẾ HOẠCH"
            t2 = r.choice(["HOẠT ĐỘNG CÔNG ĐOÀN", "CÔNG TÁC CÔNG ĐOÀN"])
        else:
            t1 = "CHƯƠNG TRÌNH"
            t2 = r.choice(["HOẠT ĐỘNG", "CÔNG TÁC"])
        if kind == "school_year":
            ptxt = r.choice([f"NĂM HỌC {y}-{y + 1}", f"NĂM HỌC {y} - {y + 1}"])
        else:
            ptxt = r.choice([f"NĂM {y}", f"Năm {y}"])
        title_lines = r.choice([[f"{t1} {t2}", ptxt], [t1, f"{t2} {ptxt}"]])
        p.add("\n".join(title_lines) + "\n")
        title = " ".join(title_lines)
        period["text"] = ptxt
        g.update({"doc_type": doc_type, "title": title, "issuer": issuer, "superior": superior, "number": number,
                  "place": hplace, "date": f"{doc_y:04d}-{doc_month:02d}-{doc_day:02d}", "period": period})

        # ---- references (preamble)
        refs: list[dict] = []
        doc_date = (doc_y, doc_month, doc_day)
        pre = []
        n_refs = r.randint(1, 4)
        pool = [("state", x) for x in STATE_REFS] + [("norm", x) for x in NORMATIVE_REFS] + [("party", x) for x in PARTY_REFS]
        r.shuffle(pool)
        used_syms: set[str] = set()
        for sysk, spec in pool[:n_refs]:
            ref, mention = self._ref(p, sysk, spec, ctx, doc_date, used_syms)
            refs.append(ref)
            lead = r.choice(["Căn cứ ", "Căn cứ ", "Thực hiện ", "Căn cứ vào "])
            pre.append(lead + mention)
        pre.append("Thực hiện Nghị quyết Đại hội Công đoàn cơ sở nhiệm kỳ 2023 - 2028")
        ends = r.choice([";", ";", "."])
        p.add("\n".join(x + ends for x in pre) + "\n")
        built = f"{doc_type} hoạt động công đoàn {'năm học ' + ctx['sy'] if kind == 'school_year' else 'năm ' + str(y)}"
        p.add(f"Ban Chấp hành Công đoàn trường {school} xây dựng {built} như sau:\n")

        # ---- sections
        style = r.choice(["arabic", "roman", "chapter", "part", "upper", "arabic_letter"])
        n_top = r.randint(3, 5 if style == "upper" else 6)
        tops = r.sample(HEADINGS_TOP, n_top)
        targets: list[str] = []
        awards: list[str] = []
        paths: list[str] = []
        top_heads: list[str] = []
        awards_in = r.random() < 0.55
        awards_top = awards_in and r.random() < 0.35  # its own top-level section, after the others
        gap_at = r.randrange(n_top) if r.random() < 0.12 else None
        for ti, head in enumerate(tops, 1):
            tnum = self._num(style, ti, top=True)
            top_heads.append(head)
            tpath = self._path_comp(tnum)
            paths.append(tpath)
            sep = "\n" if style in ("chapter", "part") and r.random() < .6 else " "
            p.add(f"{tnum}{sep}{head}\n")
            kids = r.randint(0, 5 if style == "arabic_letter" else 3)
            if awards_in and not awards_top and ti == n_top and kids == 0:
                kids = 1
            for ci in range(1, kids + 1):
                cnum_i = ci + (1 if gap_at == ti - 1 and ci >= 2 else 0)  # numbering gap: 1, 3, 4
                if gap_at == ti - 1 and ci == 2:
                    findings.append({"code": "numbering-gap", "evidence": None})
                cnum = self._num(style, cnum_i, top=False, parent=ti)
                is_awards = awards_in and not awards_top and ti == n_top and ci == kids
                chead = r.choice(["Đăng kí danh hiệu thi đua", "Đăng ký danh hiệu thi đua",
                                  "Đăng ký thi đua, khen thưởng", "ĐĂNG KÝ DANH HIỆU THI ĐUA"]) if is_awards \
                    else r.choice(HEADINGS_SUB)
                cpath = f"{tpath}.{self._path_comp(cnum)}"
                paths.append(cpath)
                line = f"{cnum} {chead}"
                if findings and findings[-1]["code"] == "numbering-gap" and findings[-1]["evidence"] is None:
                    findings[-1]["evidence"] = line
                p.add(line + "\n")
                if is_awards:
                    awards += self._awards_block(p, ctx)
                else:
                    self._body(p, ctx, targets, awards, refs, findings, doc_date)
            if kids == 0:
                self._body(p, ctx, targets, awards, refs, findings, doc_date)
        if awards_top:
            tnum = self._num(style, n_top + 1, top=True)
            head = r.choice(["Đăng ký thi đua", "ĐĂNG KÝ DANH HIỆU THI ĐUA", "Đăng kí danh hiệu thi đua năm học"])
            top_heads.append(head)
            paths.append(self._path_comp(tnum))
            p.add(f"{tnum} {head}\n")
            awards += self._awards_block(p, ctx)
        g.update({"top_sections": top_heads, "section_paths": paths})

        # ---- closing
        closing_period = ctx["sy"] if kind == "school_year" else str(y)
        if r.random() < 0.2:
            closing_period = ctx["psy"] if kind == "school_year" else str(y - 1)
            ev = f"Trên đây là {doc_type} hoạt động công đoàn {'năm học' if kind == 'school_year' else 'năm'} {closing_period}"
            findings.append({"code": "period-mismatch", "evidence": ev})
            p.add(ev + ". Đề nghị các tổ công đoàn triển khai thực hiện./.\n")
        else:
            p.add(f"Trên đây là {doc_type} hoạt động công đoàn {'năm học' if kind == 'school_year' else 'năm'} "
                  f"{closing_period}. Đề nghị các tổ công đoàn triển khai thực hiện./.\n")
        sig_name = r.choice(NAMES)
        on_behalf = r.choice(["TM. BAN CHẤP HÀNH", "TM. BCH CÔNG ĐOÀN", "TM. BCH CĐCS"])
        position = r.choice(["CHỦ TỊCH", "CHỦ TỊCH", "PHÓ CHỦ TỊCH"])
        if position == "PHÓ CHỦ TỊCH":
            on_behalf = "KT. CHỦ TỊCH"
        recips = [f"LĐLĐ {unit} {place}", "BGH Trường", "Các tổ CĐ", "Lưu VT"]
        recips = recips[:r.randint(2, 4)]
        if recips[-1] != "Lưu VT":
            recips.append("Lưu VT")
        if r.random() < 0.5:
            p.add("\nNơi nhận:\n" + "\n".join(f"- {x};" if i < len(recips) - 1 else f"- {x}."
                                             for i, x in enumerate(recips))
                  + f"\n{on_behalf}\n{position}\n\n\n{sig_name}\n")
        else:
            p.add(f"\n{' ' * 50}{on_behalf}\n{' ' * 54}{position}\nNơi nhận:\n"
                  + "\n".join(f"- {x};" for x in recips[:-1]) + f"\n- {recips[-1]}.{' ' * 40}{sig_name}\n")
        g["signature"] = {"on_behalf": on_behalf, "position": position, "name": sig_name}
        g["recipients"] = recips
        g["legal_refs"] = [{k: v for k, v in x.items() if not k.startswith("_")} for x in refs]
        findings += [x["_finding"] for x in refs if "_finding" in x]
        for x in refs:  # a reference given two dates
            if len(x.get("dates_seen") or []) > 1:
                findings.append({"code": "reference-date-conflict", "evidence": x["_evidence"]})
        g["targets"] = targets
        g["awards"] = awards
        g["inconsistencies"] = [f for f in findings if f.get("evidence")]
        g["dates"] = p.dates
        doc_id = f"synth-{idx:04d}"
        return doc_id, p.text(), g

    # -------------------------------------------------------------- pieces
    def _num(self, style: str, i: int, top: bool, parent: int = 0) -> str:
        roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
        if top:
            return {"arabic": f"{i}.", "arabic_letter": f"{i}.", "roman": f"{roman[i - 1]}.",
                    "chapter": f"CHƯƠNG TRÌNH {i}", "part": f"Phần {roman[i - 1]}",
                    "upper": f"{'ABCDEG'[min(i, 6) - 1]}."}[style]
        if style == "arabic":
            return f"{parent}.{i}."
        if style == "arabic_letter":
            return f"{['a', 'b', 'c', 'd', 'đ', 'e', 'g'][i - 1]})"  # the Vietnamese alphabet order
        return f"{i}."

    @staticmethod
    def _path_comp(num: str) -> str:
        comps = re.findall(r"[0-9]+|\b[IVXLC]+\b|\b[a-zđ]\b", num)
        comp = comps[-1] if comps else "?"
        if re.fullmatch(r"[IVXLC]+", comp):
            vals = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
            total = 0
            for a, b in zip(comp, comp[1:] + " "):
                v = vals[a]
                total += -v if b != " " and vals.get(b, 0) > v else v
            comp = str(total)
        return comp

    def _ref(self, p: Plan, sysk: str, spec, ctx: dict, doc_date, used: set[str]) -> tuple[dict, str]:
        r = self.rnd
        dy, dm, dd = doc_date
        mode = None
        num = str(r.randint(1, 1500))
        if r.random() < 0.3:
            num = f"{int(num) % 99 + 1:02d}"
        if r.random() < 0.05:
            num = f"{r.randint(1, 99)}a"
        while num in used:
            num = str(int(re.sub(r"\D", "", num)) + 7)
        used.add(num)
        if sysk == "state":
            typ, code, iss_t, subj = spec
            issuer = iss_t.format(**ctx)
            icode = next((v for k, v in STATE_ISSUER_CODES.items() if issuer.startswith(k)), "UBND").format(**ctx)
            if code:
                sym = _sym_join(r, [num, code, icode], ["/", "-"])
            else:
                sym = _sym_join(r, [num, icode], ["/"])
            # dated within five months before the document (or, as an error, after it)
            back = r.randint(1, 150)
            inject = r.random()
            if code and inject < 0.06:  # named type disagrees with the symbol's code
                other = [t for t, c, *_ in STATE_REFS if c and c != code]
                typ = r.choice(other)
                mode = "reference-type-mismatch"
            elif inject > 0.95:
                back = -r.randint(5, 60)
                mode = "reference-after-document"
            y, m, d = self._minus_days(dy, dm, dd, back)
        elif sysk == "norm":
            typ, code, icode, issuer, subj = spec
            ry = dy - r.randint(1, 6)
            sym = _sym_join(r, [num, str(ry), code, icode], ["/", "/", "-"])
            y, m, d = ry, r.randint(1, 12), r.randint(1, 28)
        else:
            typ, code, icode, issuer, subj = spec
            form = r.random()
            if form < 0.15:
                sym = f"{num} {code}/{icode}"
            elif form < 0.25:
                sym = f"{num}-{code}-{icode}"
            else:
                sym = _sym_join(r, [num, code, icode], ["-", "/"])
            y, m, d = dy - r.randint(2, 12), r.randint(1, 12), r.randint(1, 28)
        subject = subj.format(**ctx)
        has_date = r.random() < (0.85 if sysk != "party" else 0.4)
        typed = typ if r.random() < 0.8 else typ.lower()
        so = r.choice(["số ", "số ", ""]) if not (sysk == "party" and r.random() < 0.5) else ""
        date_s = p.date_text(y, m, d, record=False) if has_date else ""
        glue = "của" if (sysk == "party" and r.random() < 0.1 and not has_date) else " của"
        order = r.random()
        if has_date and order < 0.2:
            body = f"{typed} {so}{sym}{glue} {issuer} {date_s}"
        elif has_date:
            comma = "," if r.random() < 0.2 else ""
            body = f"{typed} {so}{sym}{comma} {date_s}{glue} {issuer}"
        else:
            body = f"{typed} {so}{sym}{glue} {issuer}"
        body += " về việc " + subject if r.random() < 0.7 else " về " + subject
        if has_date:
            p.dates.append({"value": f"{y:04d}-{m:02d}-{d:02d}", "text": date_s})
        ref = {"type": typ, "number": num, "symbol": sym, "date": f"{y:04d}-{m:02d}-{d:02d}" if has_date else None,
               "issuer": issuer, "_evidence": f"{typed} {so}{sym}", "_typed": typed, "_so": so}
        if mode == "reference-after-document" and not has_date:
            mode = None
        if mode:
            ref["_finding"] = {"code": mode, "evidence": ref["_evidence"]}
        return ref, body

    @staticmethod
    def _minus_days(y: int, m: int, d: int, n: int) -> tuple[int, int, int]:
        import datetime as dt

        x = dt.date(y, m, d) - dt.timedelta(days=n)
        return x.year, x.month, x.day

    def _target(self, ctx: dict) -> tuple[str, bool]:
        """One target clause; second value: it can stand as a sentence start."""
        r = self.rnd
        k = r.randrange(8)
        pct = r.choice(["100", "100", "100", "95", "90", "80", "98,5", "95,8"])
        subj = r.choice(SUBJECTS)
        pred = r.choice(PCT_PREDICATES)
        if k == 0:
            return f"{pct}% {subj} {pred}", True
        if k == 1:
            return f"Phấn đấu {pct}% {subj} {pred}", True
        if k == 2:
            return f"{r.choice(VERB_PHRASES)}, đạt {pct}%", True
        if k == 3:
            a = r.randint(1, 3)
            b = a + r.randint(1, 3)
            if r.random() < .5:
                return f"Phấn đấu hàng năm có {a:02d} - {b:02d} đoàn viên ưu tú được kết nạp vào Đảng", True
            return f"Trong năm {ctx['y']} phấn đấu phát triển được từ {a} đến {b} đảng viên", True
        if k == 4:
            a = r.randint(1, 2)
            return f"tổ chức đối thoại với lãnh đạo nhà trường mỗi năm học từ {a} đến {a + 1} lần", False
        if k == 5:
            return f"nâng cao tỉ lệ đảng viên trong trường đến cuối năm học đạt trên {r.choice([50, 60, 70])}%", False
        if k == 6:
            return f"Thu đoàn phí 1% từ lương cơ bản của đoàn viên", True
        return f"vận động {pct}% {subj} {pred}", False

    def _body(self, p: Plan, ctx: dict, targets: list[str], awards: list[str], refs: list[dict],
              findings: list[dict], doc_date) -> None:
        r = self.rnd
        bullet = r.choice(["- ", "+ ", "", "• "])
        for _ in range(r.randint(1, 3)):
            p.add(bullet + r.choice(FILLERS) + "\n")
        form = r.random()
        if form < 0.75:
            t, can_start = self._target(ctx)
            if form < 0.35:
                p.add(bullet + (t[0].upper() + t[1:]) + ".\n")
                targets.append(t[0].upper() + t[1:])
            elif form < 0.55:
                t2, _ = self._target(ctx)
                while re.search(r"\d", t2) and t2 == t:
                    t2, _ = self._target(ctx)
                first = t[0].upper() + t[1:]
                p.add(f"{bullet}{first}; {t2[0].lower() + t2[1:] if not t2[:3].isupper() else t2}.\n")
                targets += [first, t2[0].lower() + t2[1:] if not t2[:3].isupper() else t2]
            else:
                lead = r.choice(["Tham gia tích cực các hội thi do ngành tổ chức", "Phối hợp với chuyên môn đổi mới phương pháp",
                                 "Chỉ tiêu và giải pháp:",
                                 # a long sentence: the target is the clause, not the sentence
                                 "Công đoàn phát huy vai trò, chức năng của tổ chức công đoàn trong việc tham gia xây "
                                 "dựng, kiểm tra, giám sát việc thực hiện chế độ chính sách cho người lao động"])
                tt = t[0].lower() + t[1:] if not t[:3].isupper() else t
                joiner = " " if lead.endswith(":") else ", "
                p.add(f"{bullet}{lead}{joiner}{tt}.\n")
                targets.append(tt)
        if r.random() < 0.35:
            line = r.choice(DISTRACTORS).format(**ctx)
            p.add(bullet + line + "\n")
            if "đồng/suất" in line:  # money given is a result the plan counts (issue 11), not a distractor
                targets.append(line.rstrip("."))
        if r.random() < 0.25:  # observances: dates without a year
            wrong = r.random() < 0.25
            obs = r.choice([("Ngày Nhà giáo Việt Nam", "20/11", "20-10"), ("Ngày Phụ nữ Việt Nam", "20/10", "20-11"),
                            ("Ngày Quốc tế Phụ nữ", "8/3", "20/3")])
            day = obs[2] if wrong else obs[1]
            line = f"Tổ chức các hoạt động chào mừng {obs[0]} {day}"
            p.add(bullet + line + ".\n")
            if wrong:
                findings.append({"code": "observance-date-wrong", "evidence": f"{obs[0]} {day}"})
        if r.random() < 0.08:  # lunar dates are not calendar dates
            p.add(bullet + r.choice(["Tổ chức vui Tết Trung thu cho con đoàn viên vào tối 15/8 âm lịch.",
                                     "Thăm hỏi, tặng quà đoàn viên khó khăn dịp Tết Nguyên đán.",
                                     "Tổ chức gặp mặt đầu xuân sau Tết Bính Ngọ."]) + "\n")
        if r.random() < 0.2:  # an event date
            y, m, d = doc_date
            m2 = m % 12 + 1
            y2 = y + (1 if m2 < m else 0)
            ds = p.date_text(y2, m2, r.randint(1, 28))
            p.add(bullet + f"Tổ chức hội nghị sơ kết vào {ds} tại hội trường nhà trường.\n")
        if r.random() < 0.06:
            bad = f"{r.choice([30, 31])}/02/{doc_date[0] + 1}"
            p.add(bullet + f"Hạn nộp hồ sơ thi đua trước ngày {bad}.\n")
            findings.append({"code": "invalid-date", "evidence": bad})
        if r.random() < 0.12:  # explicit award phrase in the body
            g = r.choice(["Bằng khen của Tổng LĐLĐ Việt Nam", "Giấy khen của LĐLĐ {unit} {place}",
                          "danh hiệu Lao động tiên tiến", "danh hiệu Chiến sĩ thi đua cơ sở"]).format(**ctx)
            s = f"Phấn đấu có cá nhân đạt {g}"
            p.add(bullet + s + ".\n")
            awards.append(s)
        if refs and r.random() < 0.15:  # cite a preamble reference again
            ref = r.choice(refs)
            conflict = ref["date"] is not None and r.random() < 0.4 and len(ref.get("dates_seen") or [ref["date"]]) == 1
            s = f"Tiếp tục triển khai {ref['_typed']} {ref['_so']}{ref['symbol']}"
            if ref["date"] is not None:
                y, m, d = map(int, ref["date"].split("-"))
                if conflict:
                    y -= 1
                s += " " + p.date_text(y, m, d)
                seen = ref.setdefault("dates_seen", [ref["date"]])
                v = f"{y:04d}-{m:02d}-{d:02d}"
                if v not in seen:
                    seen.append(v)
            s += f" của {ref['issuer']} đến toàn thể đoàn viên"
            p.add(bullet + s + ".\n")

    def _awards_block(self, p: Plan, ctx: dict) -> list[str]:
        r = self.rnd
        out = []
        t = f"Danh hiệu công đoàn: {r.choice(COLLECTIVE_TITLES)}"
        lines = [t]
        g1 = r.choice(AWARD_GRANTORS).format(**ctx)
        lines.append(f"Tập thể đề nghị cấp khen: {g1} khen")
        out += [t, lines[-1]]
        lines.append("Cá nhân:")
        for _ in range(r.randint(1, 3)):
            g = r.choice(AWARD_GRANTORS).format(**ctx)
            n = r.randint(1, 3)
            s = f"{g} khen: {n:02d} đoàn viên"
            if s not in out:
                lines.append("+ " + s)
                out.append(s)
        if r.random() < 0.6:
            s = r.choice(["Đoàn viên xuất sắc 100%", "Lao động tiên tiến: 100% đoàn viên",
                          f"Chiến sĩ thi đua cơ sở: {r.randint(1, 3):02d} đồng chí"])
            lines.append("+ " + s)
            out.append(s)
        p.add("\n".join(lines) + "\n")
        return out


def generate(n: int = 300, seed: int = 7) -> list[tuple[str, str, dict]]:
    gen = Generator(seed)
    return [gen.plan(i) for i in range(n)]


def write(out: Path, n: int, seed: int) -> int:
    out.mkdir(parents=True, exist_ok=True)
    for doc_id, text, gold in generate(n, seed):
        (out / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        (out / f"{doc_id}.json").write_text(json.dumps({"id": doc_id, "source": f"synth/{doc_id}.txt", "gold": gold},
                                                       ensure_ascii=False, indent=1), encoding="utf-8")
    return n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, required=True)
    a = ap.parse_args(argv)
    write(a.out, a.n, a.seed)
    print(f"wrote {a.n} plans to {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
