#!/usr/bin/env python3
"""Writes the `vinhdanh import` fixtures in this folder (deterministic: same output every run).

    python3 generate.py      # from any directory; needs PyYAML
    python3 verify.py        # re-reads the written files and checks them

Reads the sample site (../../../../content: vocab + profiles) to pick the rows that must match
existing profiles and to keep every other row from matching one by accident.
Writes decision-200.csv, decision-200-semicolon.csv, decision-200-cp1258.csv, bad-rows.csv,
expected.json and README.md. All people, households and most companies are fictional.
"""
import sys
sys.dont_write_bytecode = True  # no __pycache__ inside the test target
import csv
import io
import json
import os
import random
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", "..", ".."))
CONTENT = os.path.join(ROOT, "content")
sys.path.insert(0, HERE)
import verify as common  # noqa: E402  (shared helpers: folding, vocabulary, profiles, cp1258)

YEAR = "2024"
DECISION = "Quyết định số 2150/QĐ-UBND ngày 20/12/2024"
HEADER = ["Họ và tên", "Loại", "Chức vụ", "Đơn vị", "Xã/Phường", "Huyện",
          "Hình thức khen thưởng", "Năm", "Số quyết định", "Phong trào", "slug"]

rng = random.Random(2150)
fold = common.fold

# ------------------------------------------------------------------ reference data
# communes: /work/shared/bench/gen_profiles.py (real communes of each district)
DISTRICTS = {
    "bac-giang": ("Thành phố Bắc Giang", "Bắc Giang", [
        "Phường Trần Phú", "Phường Ngô Quyền", "Phường Lê Lợi", "Phường Hoàng Văn Thụ",
        "Phường Thọ Xương", "Phường Xương Giang", "Phường Dĩnh Kế", "Phường Đa Mai",
        "Xã Song Mai", "Xã Tân Mỹ", "Xã Dĩnh Trì", "Xã Đồng Sơn"]),
    "viet-yen": ("Thị xã Việt Yên", "Việt Yên", [
        "Phường Bích Động", "Phường Nếnh", "Xã Tăng Tiến", "Phường Hồng Thái",
        "Xã Vân Trung", "Xã Minh Đức", "Xã Thượng Lan", "Xã Nghĩa Trung",
        "Phường Quang Châu", "Xã Trung Sơn"]),
    "hiep-hoa": ("Huyện Hiệp Hòa", "Hiệp Hòa", [
        "Thị trấn Thắng", "Xã Đức Thắng", "Xã Hoàng An", "Xã Mai Đình", "Xã Hợp Thịnh",
        "Xã Đông Lỗ", "Xã Lương Phong", "Xã Bắc Lý", "Xã Danh Thắng", "Xã Ngọc Sơn"]),
    "lang-giang": ("Huyện Lạng Giang", "Lạng Giang", [
        "Thị trấn Vôi", "Thị trấn Kép", "Xã Tân Dĩnh", "Xã Quang Thịnh", "Xã Nghĩa Hòa",
        "Xã Yên Mỹ", "Xã Tân Thanh", "Xã Hương Sơn", "Xã Mỹ Thái", "Xã Xuân Hương"]),
    "luc-nam": ("Huyện Lục Nam", "Lục Nam", [
        "Thị trấn Đồi Ngô", "Xã Cẩm Lý", "Xã Lan Mẫu", "Xã Bảo Đài", "Xã Bắc Lũng",
        "Xã Vô Tranh", "Xã Nghĩa Phương", "Xã Tiên Nha", "Xã Trường Sơn", "Xã Huyền Sơn"]),
    "luc-ngan": ("Huyện Lục Ngạn", "Lục Ngạn", [
        "Thị trấn Chũ", "Xã Phượng Sơn", "Xã Quý Sơn", "Xã Hồng Giang", "Xã Thanh Hải",
        "Xã Tân Quang", "Xã Biển Động", "Xã Kiên Thành", "Xã Nam Dương", "Xã Giáp Sơn"]),
    "son-dong": ("Huyện Sơn Động", "Sơn Động", [
        "Thị trấn An Châu", "Thị trấn Tây Yên Tử", "Xã Dương Hưu", "Xã Long Sơn",
        "Xã Vân Sơn", "Xã Cẩm Đàn", "Xã Yên Định", "Xã Tuấn Đạo", "Xã Lệ Viễn", "Xã An Lạc"]),
    "tan-yen": ("Huyện Tân Yên", "Tân Yên", [
        "Thị trấn Cao Thượng", "Thị trấn Nhã Nam", "Xã Phúc Hòa", "Xã Ngọc Thiện",
        "Xã Liên Sơn", "Xã Song Vân", "Xã Quế Nham", "Xã Lam Cốt", "Xã Việt Lập", "Xã Cao Xá"]),
    "yen-dung": ("Huyện Yên Dũng", "Yên Dũng", [
        "Thị trấn Nham Biền", "Thị trấn Tân An", "Xã Tiến Dũng", "Xã Đồng Phúc", "Xã Lãng Sơn",
        "Xã Tư Mại", "Xã Lão Hộ", "Xã Cảnh Thụy", "Xã Xuân Phú", "Xã Đức Giang"]),
    "yen-the": ("Huyện Yên Thế", "Yên Thế", [
        "Thị trấn Cầu Gồ", "Thị trấn Bố Hạ", "Xã Tam Tiến", "Xã Đồng Kỳ", "Xã Tân Sỏi",
        "Xã Xuân Lương", "Xã Đồng Tâm", "Xã Canh Nậu", "Xã Hồng Kỳ", "Xã Phồn Xương"]),
}
DISTRICT_ORDER = ["cap-tinh", "bac-giang", "viet-yen", "hiep-hoa", "lang-giang", "luc-nam",
                  "luc-ngan", "son-dong", "tan-yen", "yen-dung", "yen-the"]

# how the clerks wrote the district column (each must resolve: vocab name/alias modulo
# case, diacritics and spacing); the first form is the most common
DISTRICT_FORMS = {
    "cap-tinh": ["Cấp tỉnh", "Cấp tỉnh", "Tỉnh", "Cơ quan cấp tỉnh", "cap tinh"],
    "bac-giang": ["TP Bắc Giang", "Thành phố Bắc Giang", "TP. Bắc Giang", "Bắc Giang",
                  "thanh pho bac giang", "TPBG"],
    "viet-yen": ["Thị xã Việt Yên", "TX Việt Yên", "Việt Yên", "Huyện Việt Yên", "TX. Việt Yên",
                 "viet yen"],
    "hiep-hoa": ["Huyện Hiệp Hòa", "Hiệp Hòa", "Huyện Hiệp Hoà", "H. Hiệp Hòa", "hiep hoa",
                 "HIỆP HÒA"],
    "lang-giang": ["Huyện Lạng Giang", "Lạng Giang", "H. Lạng Giang", "lang giang"],
    "luc-nam": ["Huyện Lục Nam", "Lục Nam", "H. Lục Nam", "luc nam", "Huyện  Lục Nam"],
    "luc-ngan": ["Huyện Lục Ngạn", "Lục Ngạn", "H. Lục Ngạn", "luc ngan", "LỤC NGẠN"],
    "son-dong": ["Huyện Sơn Động", "Sơn Động", "H. Sơn Động", "son dong"],
    "tan-yen": ["Huyện Tân Yên", "Tân Yên", "H. Tân Yên", "tan yen"],
    "yen-dung": ["Huyện Yên Dũng", "Yên Dũng", "H. Yên Dũng", "yen dung"],
    "yen-the": ["Huyện Yên Thế", "Yên Thế", "H. Yên Thế", "yen the"],
}
AWARD_FORMS = {
    "bang-khen-chu-tich-ubnd-tinh": [
        "Bằng khen của Chủ tịch UBND tỉnh"] * 8 + [
        "Bằng khen Chủ tịch UBND tỉnh", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        "Bằng khen của Chủ tịch Uỷ ban nhân dân tỉnh", "Bằng khen UBND tỉnh",
        "bằng khen của UBND tỉnh", "Bằng khen tỉnh", "BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH",
        "Bằng khen của Chủ tịch UBND  tỉnh", "Bằng khen của chủ tịch UBND tỉnh"],
    "tap-the-lao-dong-xuat-sac": ["Tập thể lao động xuất sắc", "Tập thể lao động xuất sắc",
                                  "Tập thể Lao động xuất sắc", "Danh hiệu Tập thể lao động xuất sắc",
                                  "TTLĐXS"],
    "chien-si-thi-dua-cap-tinh": ["Chiến sĩ thi đua cấp tỉnh", "Chiến sĩ thi đua cấp tỉnh",
                                  "CSTĐ cấp tỉnh", "Chiến sĩ thi đua tỉnh"],
}
AWARD_FORMS_ASCII = {
    "bang-khen-chu-tich-ubnd-tinh": ["Bang khen cua Chu tich UBND tinh", "Bang khen UBND tinh"],
    "tap-the-lao-dong-xuat-sac": ["Tap the lao dong xuat sac"],
    "chien-si-thi-dua-cap-tinh": ["Chien si thi dua cap tinh"],
}
KIND_LABEL = {"individual": "Cá nhân", "collective": "Tập thể", "household": "Hộ gia đình"}
KIND_LABEL_ASCII = {"individual": "Ca nhan", "collective": "Tap the", "household": "Ho gia dinh"}

# movement key -> forms written in the `Phong trào` column (key, name or alias)
MOVEMENT_FORMS = {
    "day-tot-hoc-tot": ["Dạy tốt – Học tốt", "Dạy tốt - Học tốt", "day-tot-hoc-tot"],
    "khuyen-hoc": ["Khuyến học, khuyến tài, xây dựng xã hội học tập", "Khuyến học", "khuyen-hoc"],
    "hoc-tap-lam-theo-bac": ["Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
                             "Học tập và làm theo Bác"],
    "thay-thuoc-nhu-me-hien": ["Thầy thuốc như mẹ hiền", "thay-thuoc-nhu-me-hien"],
    "cai-cach-hanh-chinh": ["Cải cách hành chính, chuyển đổi số", "Cải cách hành chính",
                            "Chuyển đổi số", "cai-cach-hanh-chinh"],
    "nong-thon-moi": ["Chung sức xây dựng nông thôn mới", "Xây dựng nông thôn mới",
                      "Nông thôn mới", "nong-thon-moi"],
    "dan-van-kheo": ["Dân vận khéo", "dan-van-kheo"],
    "van-hoa-xa-hoi": ["Toàn dân đoàn kết xây dựng đời sống văn hóa",
                       "Xây dựng đời sống văn hóa"],
    "nong-dan-sxkd-gioi": ["Nông dân sản xuất, kinh doanh giỏi", "Nông dân SXKD giỏi",
                           "nong-dan-sxkd-gioi"],
    "vi-nguoi-ngheo": ["Vì người nghèo - Không để ai bị bỏ lại phía sau", "Vì người nghèo",
                       "vi-nguoi-ngheo"],
    "doanh-nghiep-sxkd-gioi": ["Doanh nghiệp, doanh nhân sản xuất kinh doanh giỏi",
                               "doanh-nghiep-sxkd-gioi"],
    "doanh-nghiep-hoi-nhap": ["Doanh nghiệp Bắc Giang hội nhập và phát triển"],
    "lao-dong-sang-tao": ["Lao động giỏi, lao động sáng tạo", "Lao động sáng tạo",
                          "lao-dong-sang-tao"],
    "an-ninh-to-quoc": ["Toàn dân bảo vệ an ninh Tổ quốc", "an-ninh-to-quoc"],
    "vi-an-ninh-to-quoc": ["Vì an ninh Tổ quốc", "vi-an-ninh-to-quoc"],
    "quyet-thang": ["Thi đua Quyết thắng", "quyet-thang"],
    "huan-luyen-gioi": ["Huấn luyện giỏi, sẵn sàng chiến đấu cao", "huan-luyen-gioi"],
    "the-duc-the-thao": ["Toàn dân rèn luyện thân thể theo gương Bác Hồ vĩ đại",
                         "the-duc-the-thao"],
    "gia-dinh-5-khong-3-sach": ["Xây dựng gia đình 5 không, 3 sạch", "5 không 3 sạch"],
    "van-hoa-cong-so": ["Văn hóa công sở", "van-hoa-cong-so"],
    "thon-to-dan-pho-van-hoa": ["Xây dựng thôn, tổ dân phố văn hóa"],
    "phat-trien-kinh-te-xa-hoi": ["Thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội"],
    "thi-dua-yeu-nuoc": ["Thi đua yêu nước", "Phong trào thi đua yêu nước"],
    "khoi-nghiep-sang-tao": ["Đổi mới sáng tạo", "khoi-nghiep-sang-tao"],
    "xa-hoi-hoc-tap": ["Học tập suốt đời"],
    "ket-cau-ha-tang": ["ket-cau-ha-tang", "Thực hành tiết kiệm, chống lãng phí"],
}
CAT_MOVEMENTS = {
    "education": ["day-tot-hoc-tot", "day-tot-hoc-tot", "khuyen-hoc", "hoc-tap-lam-theo-bac"],
    "school": ["day-tot-hoc-tot", "day-tot-hoc-tot", "khuyen-hoc", "xa-hoi-hoc-tap"],
    "health": ["thay-thuoc-nhu-me-hien", "thay-thuoc-nhu-me-hien", "hoc-tap-lam-theo-bac"],
    "government": ["cai-cach-hanh-chinh", "nong-thon-moi", "dan-van-kheo", "van-hoa-cong-so"],
    "commune": ["nong-thon-moi", "nong-thon-moi", "cai-cach-hanh-chinh", "phat-trien-kinh-te-xa-hoi"],
    "hamlet": ["nong-thon-moi", "van-hoa-xa-hoi", "thon-to-dan-pho-van-hoa"],
    "farmer": ["nong-dan-sxkd-gioi", "nong-dan-sxkd-gioi", "nong-thon-moi", "vi-nguoi-ngheo"],
    "coop": ["nong-dan-sxkd-gioi", "nong-thon-moi", "khoi-nghiep-sang-tao"],
    "business": ["doanh-nghiep-sxkd-gioi", "lao-dong-sang-tao", "doanh-nghiep-hoi-nhap"],
    "company": ["doanh-nghiep-sxkd-gioi", "doanh-nghiep-hoi-nhap", "lao-dong-sang-tao"],
    "security": ["an-ninh-to-quoc", "vi-an-ninh-to-quoc"],
    "military": ["quyet-thang", "huan-luyen-gioi"],
    "police": ["an-ninh-to-quoc", "vi-an-ninh-to-quoc"],
    "massorg": ["dan-van-kheo", "gia-dinh-5-khong-3-sach", "vi-nguoi-ngheo", "van-hoa-xa-hoi"],
    "department": ["cai-cach-hanh-chinh", "van-hoa-cong-so", "thi-dua-yeu-nuoc", "ket-cau-ha-tang"],
    "sport": ["the-duc-the-thao"],
    "household": ["nong-thon-moi", "van-hoa-xa-hoi", "gia-dinh-5-khong-3-sach",
                  "nong-dan-sxkd-gioi", "vi-nguoi-ngheo", "khuyen-hoc"],
    "province": ["cai-cach-hanh-chinh", "van-hoa-cong-so", "thi-dua-yeu-nuoc",
                 "hoc-tap-lam-theo-bac", "phat-trien-kinh-te-xa-hoi"],
}

FAMILY = [("Nguyễn", 30), ("Trần", 9), ("Lê", 7), ("Phạm", 6), ("Hoàng", 4), ("Vũ", 4),
          ("Đỗ", 3), ("Ngô", 3), ("Dương", 3), ("Đặng", 2), ("Bùi", 2), ("Đào", 2), ("Hà", 2),
          ("Thân", 4), ("Giáp", 3), ("Ngọ", 1), ("Lương", 1), ("Trịnh", 1), ("Đinh", 1),
          ("Chu", 1), ("Tạ", 1), ("Phan", 2), ("Nguyễn Đình", 0)]
FAMILY = [f for f in FAMILY if f[1] > 0]
FAMILY_HIGHLAND = [("Hoàng", 6), ("Vi", 5), ("Nông", 4), ("Lương", 3), ("Triệu", 3),
                   ("Lý", 3), ("Chu", 2), ("Lăng", 2), ("Hà", 2), ("Nguyễn", 8), ("Trần", 2),
                   ("Đặng", 2), ("Lâm", 2)]
MIDDLE_M = ["Văn", "Văn", "Văn", "Đức", "Hữu", "Minh", "Quang", "Công", "Xuân", "Thanh",
            "Ngọc", "Trọng", "Duy", "Mạnh", "Tiến", "Đình"]
MIDDLE_F = ["Thị", "Thị", "Thị", "Thị", "Thu", "Ngọc", "Thanh", "Minh", "Phương", "Hồng",
            "Kim", "Thúy", "Diệu", "Bích"]
GIVEN_M = ["Anh", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hải", "Hiệp", "Huy", "Khánh",
           "Long", "Minh", "Nam", "Nghĩa", "Quân", "Sơn", "Thắng", "Thành", "Toàn", "Trung",
           "Tuấn", "Vinh", "Hiếu", "Kiên", "Tùng", "Hưng", "Hoàng", "Khải", "Đông", "Lực",
           "Chiến", "Đạt", "Hoàn", "Bảo", "Khoa", "Phúc", "Tiến", "Thuận", "Hậu", "Thiện"]
GIVEN_F = ["Anh", "Chi", "Dung", "Hà", "Hạnh", "Hiền", "Hoa", "Hương", "Lan", "Liên",
           "Linh", "Loan", "Ngọc", "Nhung", "Oanh", "Phương", "Quyên", "Thảo", "Thủy",
           "Trang", "Tuyết", "Vân", "Yến", "Nga", "Hòa", "Lý", "Duyên", "Thúy", "Xuân",
           "Tâm", "Ánh", "Giang", "Hồng", "Sen", "Hậu", "Luyến", "Thắm", "Mến", "Ngát", "Quỳnh"]
HAMLETS = {
    "default": ["Đông", "Tây", "Chợ", "Hạ", "Tân Lập", "Đồng Quan", "Làng Mới", "Đồng Cờ",
                "Đình", "Giữa", "Trại", "Ninh", "Quang Biểu", "Yên Ninh", "Cầu", "Phố Mới"],
    "son-dong": ["Nà Hin", "Khe Sâu", "Nà Ó", "Đồng Bài", "Bản Ven", "Thác Mạ", "Đồng Rì"],
    "luc-ngan": ["Khuôn Thần", "Nà Hin", "Đồng Tâm", "Thanh Bình", "Bản Khuôn", "Đồng Vành"],
}
COMPANY_WORDS = ["Thành Đạt", "Minh Khang", "Phú Cường", "An Phát", "Đại Việt", "Hoàng Long",
                 "Thiên Phúc", "Trường Sơn", "Bắc Hà", "Kinh Bắc", "Hòa Bình", "Tân Tiến",
                 "Việt Hưng", "Sông Thương", "Nam Phong", "Thịnh Vượng", "Kim Sơn", "Hợp Nhất",
                 "Xuân Thành", "Bảo Ngọc", "Đức Phát", "Toàn Thắng", "Hải Đăng", "Vạn Xuân"]
COMPANY_TRADES = ["May mặc", "Xây dựng", "Thương mại và Dịch vụ", "Chế biến nông sản",
                  "Cơ khí", "Vận tải", "Điện tử", "Vật liệu xây dựng", "Thực phẩm", "Môi trường"]
COMPANY_FORMS = ["Công ty TNHH", "Công ty Cổ phần", "Công ty TNHH MTV"]
HTX_TRADES = {"default": ["Dịch vụ nông nghiệp", "Rau an toàn", "Chăn nuôi", "Thủy sản", "Nấm"],
              "luc-ngan": ["Vải thiều", "Cây ăn quả", "Dịch vụ nông nghiệp"],
              "yen-the": ["Gà đồi", "Chăn nuôi", "Chè"],
              "son-dong": ["Lâm nghiệp", "Dược liệu", "Chăn nuôi"],
              "luc-nam": ["Cây ăn quả", "Dịch vụ nông nghiệp", "Nấm"]}
THPT = {"viet-yen": 2, "hiep-hoa": 4, "lang-giang": 3, "luc-nam": 4, "luc-ngan": 4,
        "son-dong": 3, "tan-yen": 2, "yen-dung": 3, "yen-the": 2}
SUBJECTS = ["Toán", "Ngữ văn", "Tiếng Anh", "Vật lý", "Hóa học", "Lịch sử", "Địa lý", "Tin học",
            "Sinh học", "Giáo dục thể chất"]


def wchoice(pairs):
    total = sum(w for _, w in pairs)
    r = rng.random() * total
    for v, w in pairs:
        r -= w
        if r < 0:
            return v
    return pairs[-1][0]


def lower_prefix(s):
    """'Xã Tăng Tiến' -> 'xã Tăng Tiến', 'Thành phố Bắc Giang' -> 'thành phố Bắc Giang'."""
    return s[0].lower() + s[1:]


def place(commune):
    for p in ("Thị trấn ", "Phường ", "Xã "):
        if commune.startswith(p):
            return ("thị trấn " if p == "Thị trấn " else "") + commune[len(p):]
    return commune


def person_name(dkey, female):
    while True:  # "Chu Thanh Huy" has no diacritics at all: keep ASCII names for the unaccented rows
        name = _person_name(dkey, female)
        if not name.isascii():
            return name


def _person_name(dkey, female):
    fam = wchoice(FAMILY_HIGHLAND if dkey in ("son-dong", "luc-ngan") and rng.random() < 0.5
                  else FAMILY)
    mid = rng.choice(MIDDLE_F if female else MIDDLE_M)
    given = rng.choice(GIVEN_F if female else GIVEN_M)
    if female and rng.random() < 0.15:  # "Nguyễn Thị Thu Hương"
        extra = rng.choice(MIDDLE_F[4:] if female else MIDDLE_M[3:])
        if extra != mid:
            return f"{fam} {mid} {extra} {given}"
    return f"{fam} {mid} {given}"


def company_name():
    return f"{rng.choice(COMPANY_FORMS)} {rng.choice(COMPANY_TRADES)} {rng.choice(COMPANY_WORDS)}"


# ------------------------------------------------------------------ identities

def individual(dkey):
    """-> (category, female, unit, position, commune)"""
    if dkey == "cap-tinh":
        unit, positions, cat, fem = rng.choice([
            ("Sở Giáo dục và Đào tạo tỉnh Bắc Giang", ["Chuyên viên Phòng Giáo dục Trung học",
             "Trưởng phòng Giáo dục Mầm non và Tiểu học"], "education", None),
            ("Trường THPT Chuyên Bắc Giang", [f"Giáo viên {s}" for s in SUBJECTS[:8]], "education", None),
            ("Bệnh viện Đa khoa tỉnh Bắc Giang", ["Bác sĩ khoa Hồi sức tích cực - Chống độc",
             "Điều dưỡng trưởng khoa Ngoại tổng hợp", "Trưởng khoa Tim mạch"], "health", None),
            ("Bệnh viện Sản - Nhi tỉnh Bắc Giang", ["Bác sĩ khoa Sơ sinh", "Hộ sinh khoa Sản"], "health", None),
            ("Công an tỉnh Bắc Giang", ["Đại úy, Phó Đội trưởng Phòng Cảnh sát giao thông",
             "Thiếu tá, cán bộ Phòng An ninh kinh tế", "Thượng úy, cán bộ Phòng Cảnh sát PCCC và CNCH"],
             "security", False),
            ("Bộ Chỉ huy Quân sự tỉnh Bắc Giang", ["Trung tá, Trợ lý Tác huấn", "Thiếu tá, Trợ lý Dân quân tự vệ"],
             "military", False),
            ("Sở Nội vụ tỉnh Bắc Giang", ["Chuyên viên Ban Thi đua - Khen thưởng",
             "Phó Trưởng phòng Công chức, viên chức"], "government", None),
            ("Sở Tài chính tỉnh Bắc Giang", ["Phó Trưởng phòng Quản lý ngân sách", "Chuyên viên Thanh tra Sở"],
             "government", None),
            ("Sở Nông nghiệp và Phát triển nông thôn tỉnh Bắc Giang",
             ["Chuyên viên Chi cục Trồng trọt và Bảo vệ thực vật", "Phó Chi cục trưởng Chi cục Thủy lợi"],
             "government", None),
            ("Văn phòng UBND tỉnh Bắc Giang", ["Chuyên viên Trung tâm Phục vụ hành chính công",
             "Phó Chánh Văn phòng"], "government", None),
            ("Sở Thông tin và Truyền thông tỉnh Bắc Giang", ["Chuyên viên Phòng Chuyển đổi số"], "government", None),
            ("Hội Nông dân tỉnh Bắc Giang", ["Trưởng ban Kinh tế - Xã hội"], "massorg", None),
            ("Tỉnh đoàn Bắc Giang", ["Phó Bí thư Tỉnh đoàn", "Trưởng ban Tuyên giáo Tỉnh đoàn"], "massorg", None),
            ("Trung tâm Huấn luyện và Thi đấu TDTT tỉnh", ["Vận động viên điền kinh", "Huấn luyện viên bắn cung",
             "Vận động viên cử tạ"], "sport", None),
            ("Ban Quản lý các khu công nghiệp tỉnh Bắc Giang", ["Phó Trưởng phòng Quản lý doanh nghiệp"],
             "government", None),
        ])
        female = rng.random() < 0.45 if fem is None else fem
        return cat, female, unit, rng.choice(positions), ""
    dname, short, communes = DISTRICTS[dkey]
    huyen = lower_prefix(dname)
    commune = rng.choice(communes)
    xa = lower_prefix(commune)
    P = place(commune)
    cat = wchoice([("education", 24), ("health", 12), ("government", 15), ("farmer", 16),
                   ("business", 11), ("security", 9), ("massorg", 10), ("hamlet", 4)])
    female = rng.random() < 0.45
    if cat == "education":
        kind = rng.choice(["THCS", "TH", "MN", "THPT"] if dkey in THPT else ["THCS", "TH", "MN"])
        if kind == "THCS":
            unit = f"Trường THCS {P}"
            pos = rng.choice([f"Giáo viên {rng.choice(SUBJECTS)}", "Hiệu trưởng", "Phó Hiệu trưởng",
                              "Tổng phụ trách Đội", f"Giáo viên {rng.choice(SUBJECTS)}, Tổ trưởng chuyên môn"])
        elif kind == "TH":
            unit = f"Trường Tiểu học {P}"
            pos = rng.choice(["Giáo viên", "Giáo viên", "Hiệu trưởng", "Phó Hiệu trưởng",
                              "Giáo viên, Tổ trưởng tổ khối 5"])
        elif kind == "MN":
            unit = f"Trường Mầm non {P}"
            female = True
            pos = rng.choice(["Giáo viên", "Giáo viên", "Hiệu trưởng", "Phó Hiệu trưởng"])
        else:
            unit = f"Trường THPT {short} số {rng.randint(1, THPT[dkey])}"
            pos = rng.choice([f"Giáo viên {rng.choice(SUBJECTS)}", "Phó Hiệu trưởng", "Bí thư Đoàn trường"])
    elif cat == "health":
        if rng.random() < 0.6:
            unit = f"Trạm Y tế {xa}"
            pos = rng.choice(["Trạm trưởng", "Y sĩ", "Điều dưỡng", "Hộ sinh", "Bác sĩ, Trạm trưởng"])
        else:
            unit, commune = f"Trung tâm Y tế {huyen}", ""
            pos = rng.choice(["Bác sĩ khoa Nội", "Điều dưỡng trưởng", "Dược sĩ", "Trưởng khoa Hồi sức cấp cứu",
                              "Phó Giám đốc", "Bác sĩ khoa Truyền nhiễm"])
    elif cat == "government":
        r = rng.random()
        level = "phường" if commune.startswith("Phường") else ("thị trấn" if commune.startswith("Thị trấn") else "xã")
        if r < 0.6:
            unit = f"UBND {xa}"
            pos = rng.choice([f"Chủ tịch UBND {level}", f"Phó Chủ tịch UBND {level}",
                              "Công chức Tư pháp - Hộ tịch", "Công chức Văn hóa - Xã hội",
                              "Công chức Địa chính - Xây dựng", "Công chức Văn phòng - Thống kê"])
        elif r < 0.8:
            unit = f"Đảng ủy {xa}"
            pos = rng.choice([f"Bí thư Đảng ủy {level}", "Phó Bí thư Thường trực Đảng ủy"])
        else:
            unit = rng.choice([f"Phòng Nội vụ {huyen}", f"Văn phòng HĐND và UBND {huyen}",
                               f"Phòng Tài chính - Kế hoạch {huyen}"])
            commune = ""
            pos = rng.choice(["Trưởng phòng", "Phó Trưởng phòng", "Chuyên viên"])
    elif cat == "farmer":
        if rng.random() < 0.7:
            unit = f"Hội Nông dân {xa}"
            crop = {"luc-ngan": "vải thiều", "yen-the": "gà đồi", "luc-nam": "na và vải sớm",
                    "son-dong": "rừng keo"}.get(dkey, rng.choice(["lợn", "rau an toàn", "cá nước ngọt"]))
            pos = rng.choice([f"Hội viên, chủ trang trại {crop}", "Chi hội trưởng Chi hội Nông dân thôn",
                              f"Hội viên, chủ mô hình {crop}"])
        else:
            trade = rng.choice(HTX_TRADES.get(dkey, HTX_TRADES["default"]))
            unit = f"Hợp tác xã {trade} {P}"
            pos = rng.choice(["Giám đốc", "Xã viên", "Phó Giám đốc"])
    elif cat == "business":
        unit = company_name()
        pos = rng.choice(["Công nhân", "Công nhân, Tổ trưởng sản xuất", "Kỹ sư", "Quản đốc phân xưởng",
                          "Giám đốc", "Chủ tịch Công đoàn cơ sở"])
    elif cat == "security":
        female = rng.random() < 0.1
        level = "phường" if commune.startswith("Phường") else ("thị trấn" if commune.startswith("Thị trấn") else "xã")
        if rng.random() < 0.7:
            unit = f"Công an {xa}"
            pos = rng.choice([f"Đại úy, Trưởng Công an {level}", f"Thượng úy, Phó Trưởng Công an {level}",
                              "Trung úy, cán bộ Công an"])
        else:
            unit, cat = f"Ban Chỉ huy Quân sự {xa}", "military"
            pos = rng.choice(["Chỉ huy trưởng", "Chỉ huy phó"])
    elif cat == "massorg":
        org = rng.choice(["LHPN", "DTN", "CCB", "MTTQ"])
        if org == "LHPN":
            female, unit, pos = True, f"Hội Liên hiệp Phụ nữ {xa}", rng.choice(
                ["Chủ tịch Hội Liên hiệp Phụ nữ", "Chi hội trưởng Chi hội Phụ nữ thôn"])
        elif org == "DTN":
            unit, pos = f"Đoàn Thanh niên {xa}", rng.choice(["Bí thư Đoàn", "Phó Bí thư Đoàn"])
        elif org == "CCB":
            female, unit, pos = False, f"Hội Cựu chiến binh {xa}", "Chủ tịch Hội Cựu chiến binh"
        else:
            unit, pos = f"Ủy ban MTTQ Việt Nam {xa}", rng.choice(["Chủ tịch Ủy ban MTTQ", "Phó Chủ tịch Ủy ban MTTQ"])
    else:  # hamlet leader
        h = rng.choice(HAMLETS.get(dkey, HAMLETS["default"]))
        if commune.startswith("Phường"):
            unit = f"Tổ dân phố số {rng.randint(1, 9)}, {xa}"
            pos = rng.choice(["Tổ trưởng tổ dân phố", "Bí thư Chi bộ"])
        else:
            unit = f"Thôn {h}, {xa}"
            pos = rng.choice(["Trưởng thôn", "Bí thư Chi bộ, Trưởng thôn"])
        cat = "hamlet"
    if commune.startswith("Phường") and pos.endswith(" thôn"):  # wards have residential groups
        pos = pos[:-len("thôn")] + "tổ dân phố"
    return cat, female, unit, pos, commune


PROVINCE_COLLECTIVES = [
    ("Khoa Hồi sức tích cực - Chống độc, Bệnh viện Đa khoa tỉnh Bắc Giang", "Sở Y tế tỉnh Bắc Giang", "health"),
    ("Phòng Cảnh sát giao thông, Công an tỉnh Bắc Giang", "Công an tỉnh Bắc Giang", "police"),
    ("Trung tâm Phục vụ hành chính công tỉnh Bắc Giang", "Văn phòng UBND tỉnh Bắc Giang", "department"),
    ("Phòng Giáo dục Trung học, Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo tỉnh Bắc Giang", "department"),
    ("Chi cục Thủy lợi tỉnh Bắc Giang", "Sở Nông nghiệp và Phát triển nông thôn tỉnh Bắc Giang", "department"),
    ("Phòng Chuyển đổi số, Sở Thông tin và Truyền thông", "Sở Thông tin và Truyền thông tỉnh Bắc Giang", "department"),
    ("Khoa Sơ sinh, Bệnh viện Sản - Nhi tỉnh Bắc Giang", "Sở Y tế tỉnh Bắc Giang", "health"),
    ("Trường THPT Chuyên Bắc Giang", "Sở Giáo dục và Đào tạo tỉnh Bắc Giang", "school"),
]


def collective(dkey):
    """-> (category, title, unit, commune)"""
    if dkey == "cap-tinh":
        title, unit, cat = PROVINCE_COLLECTIVES.pop(0)
        return cat, title, unit, ""
    dname, short, communes = DISTRICTS[dkey]
    huyen = lower_prefix(dname)
    commune = rng.choice(communes)
    xa = lower_prefix(commune)
    P = place(commune)
    cat = wchoice([("school", 22), ("health", 9), ("commune", 10), ("hamlet", 12), ("coop", 10),
                   ("company", 10), ("police", 9), ("massorg", 8), ("department", 8)])
    if cat == "school":
        title = rng.choice([f"Trường THCS {P}", f"Trường Tiểu học {P}", f"Trường Mầm non {P}"])
        unit = f"Phòng Giáo dục và Đào tạo {huyen}"
    elif cat == "health":
        title, unit = f"Trạm Y tế {xa}", f"Trung tâm Y tế {huyen}"
    elif cat == "commune":
        title = rng.choice([f"UBND {xa}", f"Đảng bộ {xa}", f"Nhân dân và cán bộ {xa}"])
        unit = f"UBND {huyen}" if not title.startswith("Đảng bộ") else f"Huyện ủy {short}" if dkey not in ("bac-giang", "viet-yen") else ("Thành ủy Bắc Giang" if dkey == "bac-giang" else "Thị ủy Việt Yên")
    elif cat == "hamlet":
        if commune.startswith("Phường"):
            title = f"Tổ dân phố số {rng.randint(1, 12)}, {xa}"
        else:
            title = f"Thôn {rng.choice(HAMLETS.get(dkey, HAMLETS['default']))}, {xa}"
        unit = f"UBND {xa}"
    elif cat == "coop":
        title = f"Hợp tác xã {rng.choice(HTX_TRADES.get(dkey, HTX_TRADES['default']))} {P}"
        unit = rng.choice(["Liên minh Hợp tác xã tỉnh Bắc Giang", ""])
    elif cat == "company":
        title, unit = company_name(), "Hiệp hội Doanh nghiệp tỉnh Bắc Giang"
    elif cat == "police":
        title, unit = f"Công an {xa}", f"Công an {huyen}"
    elif cat == "massorg":
        title = rng.choice([f"Hội Nông dân {xa}", f"Hội Liên hiệp Phụ nữ {xa}", f"Đoàn Thanh niên {xa}",
                            f"Hội Cựu chiến binh {xa}"])
        unit = rng.choice([f"Ủy ban MTTQ Việt Nam {huyen}", ""])
    else:
        rural = dkey not in ("bac-giang", "viet-yen")
        title = rng.choice([f"Phòng Nội vụ {huyen}", f"Phòng Tài chính - Kế hoạch {huyen}",
                            f"Phòng Văn hóa và Thông tin {huyen}",
                            f"Phòng Nông nghiệp và PTNT {huyen}" if rural else f"Phòng Kinh tế {huyen}",
                            f"Phòng Giáo dục và Đào tạo {huyen}"])
        unit, commune = f"UBND {huyen}", ""
    return cat, title, unit, commune


def household(dkey):
    dname, short, communes = DISTRICTS[dkey]
    commune = rng.choice(communes)
    female = rng.random() < 0.2
    name = person_name(dkey, female)
    prefix = rng.choice(["Hộ gia đình", "Hộ gia đình", "Gia đình"])
    return f"{prefix} {'bà' if female else 'ông'} {name}", commune


# ------------------------------------------------------------------ the special rows

def special_rows():
    """Rows that must match existing profiles, the slug row, the homonym pair, the quoting row.
    Each: dict of fields + 'tag'."""
    S = []

    def row(tag, name, kind, pos, unit, commune, district, award, movement, slug="", ascii_=False):
        S.append(dict(tag=tag, name=name, kind=kind, pos=pos, unit=unit, commune=commune,
                      dform=district, award=award, mform=movement, slug=slug, ascii=ascii_))

    # --- existing profiles, matched by folded name + district (+ unit when the profile has one)
    row("match:bac-giang/tran-thi-thu-ha.md", "Trần Thị Thu Hà", "individual",
        "Giáo viên Hóa học, Tổ trưởng chuyên môn", "Trường THPT Chuyên Bắc Giang", "Phường Ngô Quyền",
        "TP Bắc Giang", ("chien-si-thi-dua-cap-tinh", "CSTĐ cấp tỉnh"), "Dạy tốt – Học tốt")
    row("match:hiep-hoa/ngo-thi-thom.md", "Ngo Thi Thom", "individual",
        "Chu tich Hoi Lien hiep Phu nu xa", "Hoi Lien hiep Phu nu xa Mai Dinh", "Xa Mai Dinh",
        "hiep hoa", ("bang-khen-chu-tich-ubnd-tinh", "Bang khen cua Chu tich UBND tinh"), "dan-van-kheo",
        ascii_=True)
    row("match:hiep-hoa/nguyen-van-hung-hiep-hoa.md", "Nguyễn Văn Hùng", "individual",
        "Đại úy, Trưởng Công an xã Đức Thắng", "Công an huyện Hiệp Hòa", "Xã Đức Thắng",
        "Huyện Hiệp Hoà", ("bang-khen-chu-tich-ubnd-tinh", "Bằng khen của Chủ tịch UBND tỉnh"),
        "Vì an ninh Tổ quốc")
    row("match:luc-ngan/hop-tac-xa-nong-nghiep-tan-quang.md", "Hợp tác xã Nông nghiệp Tân Quang",
        "collective", "", "Liên minh Hợp tác xã tỉnh Bắc Giang", "Xã Tân Quang",
        "H. Lục Ngạn", ("tap-the-lao-dong-xuat-sac", "Tập thể lao động xuất sắc"), "Nông thôn mới")
    row("match:cap-tinh/trung-tam-kiem-soat-benh-tat-tinh.md", "Trung tâm Kiểm soát bệnh tật tỉnh Bắc Giang",
        "collective", "", "Sở Y tế tỉnh Bắc Giang", "", "Cấp tỉnh",
        ("tap-the-lao-dong-xuat-sac", "TTLĐXS"), "Thầy thuốc như mẹ hiền")
    row("match:son-dong/ho-ong-dang-van-quyet.md", "Hộ gia đình ông Đặng Văn Quyết", "household",
        "", "", "Xã Dương Hưu", "Sơn Động", ("bang-khen-chu-tich-ubnd-tinh", "Bằng khen UBND tỉnh"),
        "Vì người nghèo")
    row("match:tan-yen/than-thi-hue.md", "Thân Thị Huệ", "individual",
        "Công chức Văn phòng - Thống kê, Tổ trưởng Tổ công nghệ số cộng đồng", "UBND xã Cao Xá",
        "Xã Cao Xá", "Huyện Tân Yên", ("bang-khen-chu-tich-ubnd-tinh", "Bằng khen của Chủ tịch UBND tỉnh"),
        "Chuyển đổi số")
    row("match:yen-the/cong-an-xa-dong-ky.md", "Công an xã Đồng Kỳ", "collective", "",
        "Công an huyện Yên Thế", "Xã Đồng Kỳ", "yen the",
        ("bang-khen-chu-tich-ubnd-tinh", "Bằng khen của Chủ tịch UBND tỉnh"), "an-ninh-to-quoc")
    # --- matched by the slug column only (the clerk shortened the title)
    row("slug:bac-giang/ho-ong-than-van-loi.md", "Hộ ông Thân Văn Lợi", "household", "", "", "Xã Đồng Sơn",
        "Thành phố Bắc Giang", ("bang-khen-chu-tich-ubnd-tinh", "Bằng khen tỉnh"), "Nông thôn mới",
        slug="ho-ong-than-van-loi")
    # --- homonyms: same name, same district, different units -> two new profiles
    row("homonym", "Nguyễn Thị Lan", "individual", "Giáo viên", "Trường Tiểu học Bắc Lũng", "Xã Bắc Lũng",
        "Huyện Lục Nam", ("bang-khen-chu-tich-ubnd-tinh", "Bằng khen của Chủ tịch UBND tỉnh"),
        "Dạy tốt – Học tốt")
    row("homonym", "Nguyễn Thị Lan", "individual", "Điều dưỡng", "Trạm Y tế xã Vô Tranh", "Xã Vô Tranh",
        "Lục Nam", ("bang-khen-chu-tich-ubnd-tinh", "Bằng khen của Chủ tịch UBND tỉnh"),
        "Thầy thuốc như mẹ hiền")
    # --- a title with straight double quotes (CSV escaping "")
    row("quotes", 'Câu lạc bộ "Phụ nữ với pháp luật" xã Tiên Nha', "collective", "",
        "Hội Liên hiệp Phụ nữ huyện Lục Nam", "Xã Tiên Nha", "Huyện Lục Nam",
        ("bang-khen-chu-tich-ubnd-tinh", "Bằng khen của Chủ tịch UBND tỉnh"), "Dân vận khéo")
    return S


# rows per district and kind (individual, collective, household), including the special rows
PLAN = {
    "cap-tinh": (15, 7, 0), "bac-giang": (13, 5, 2), "viet-yen": (14, 4, 1), "hiep-hoa": (13, 4, 2),
    "lang-giang": (12, 4, 1), "luc-nam": (12, 4, 2), "luc-ngan": (13, 5, 2), "son-dong": (8, 3, 2),
    "tan-yen": (14, 3, 1), "yen-dung": (12, 3, 1), "yen-the": (14, 3, 1),
}
N_CSTD = 10     # Chiến sĩ thi đua cấp tỉnh (individuals), including the special one
N_TTLDXS = 8    # Tập thể lao động xuất sắc (collectives), including the two special ones
N_ASCII = 20    # rows whose name is typed without diacritics, including Ngo Thi Thom


def main():
    vocab = common.load_vocab(CONTENT)
    profiles = common.load_profiles(CONTENT, vocab)
    existing_titles = {fold(p["title"]) for p in profiles}
    existing_slugs = {p["slug"] for p in profiles}

    specials = special_rows()
    for s in specials:
        s["dkey"] = vocab.resolve("districts", s["dform"])
        s["akey"] = s["award"][0]
        s["aform"] = s["award"][1]
    used_titles = {fold(s["name"]) for s in specials if not s["tag"].startswith(("match", "slug"))}
    used_slugs = {common.slugify(s["name"]) for s in specials if not s["tag"].startswith(("match", "slug"))}

    def fresh(title):
        f = fold(title)
        return (f not in existing_titles and f not in used_titles
                and common.slugify(title) not in existing_slugs and common.slugify(title) not in used_slugs)

    def take(title):
        used_titles.add(fold(title))
        used_slugs.add(common.slugify(title))

    used_posts = {(fold(s["unit"]), fold(s["pos"])) for s in specials if s["kind"] == "individual"}
    rows = []
    for dkey in DISTRICT_ORDER:
        n_ind, n_col, n_hh = PLAN[dkey]
        mine = [s for s in specials if s["dkey"] == dkey]
        n_ind -= sum(s["kind"] == "individual" for s in mine)
        n_col -= sum(s["kind"] == "collective" for s in mine)
        n_hh -= sum(s["kind"] == "household" for s in mine)
        for s in mine:
            cat = {"Trường": "education", "Trạm": "health"}.get(s["unit"].split(" ")[0], "special")
            rows.append(dict(s, cat=cat))
        for _ in range(n_ind):
            while True:
                cat, female, unit, pos, commune = individual(dkey)
                name = person_name(dkey, female)
                if fresh(name) and (fold(unit), fold(pos)) not in used_posts:
                    break
            take(name)
            used_posts.add((fold(unit), fold(pos)))
            rows.append(dict(tag="new", name=name, kind="individual", pos=pos, unit=unit, commune=commune,
                             dkey=dkey, cat=cat, slug="", ascii=False))
        for _ in range(n_col):
            while True:
                cat, title, unit, commune = collective(dkey)
                if fresh(title):
                    break
            take(title)
            rows.append(dict(tag="new", name=title, kind="collective", pos="", unit=unit, commune=commune,
                             dkey=dkey, cat=cat, slug="", ascii=False))
        for _ in range(n_hh):
            while True:
                title, commune = household(dkey)
                if fresh(title):
                    break
            take(title)
            rows.append(dict(tag="new", name=title, kind="household", pos="", unit="", commune=commune,
                             dkey=dkey, cat="household", slug="", ascii=False))

    # awards for the generated rows
    new_rows = [r for r in rows if r["tag"] == "new"]
    n_cstd = N_CSTD - sum(1 for s in specials if s["akey"] == "chien-si-thi-dua-cap-tinh")
    n_ttl = N_TTLDXS - sum(1 for s in specials if s["akey"] == "tap-the-lao-dong-xuat-sac")
    cstd_pool = [r for r in new_rows if r["kind"] == "individual"
                 and r["cat"] in ("education", "health", "government", "security", "military", "sport")]
    ttl_pool = [r for r in new_rows if r["kind"] == "collective"
                and r["cat"] in ("school", "health", "department", "police")]
    for r in rng.sample(cstd_pool, n_cstd):
        r["akey"] = "chien-si-thi-dua-cap-tinh"
    for r in rng.sample(ttl_pool, n_ttl):
        r["akey"] = "tap-the-lao-dong-xuat-sac"
    for r in new_rows:
        r.setdefault("akey", "bang-khen-chu-tich-ubnd-tinh")

    # names typed without diacritics: about half of these rows are typed without any diacritic
    n_ascii = N_ASCII - sum(1 for s in specials if s["ascii"])
    ascii_pool = [r for r in new_rows if '"' not in r["name"]]
    for i, r in enumerate(rng.sample(ascii_pool, n_ascii)):
        r["ascii"] = "all" if i % 2 == 0 else "name"

    for r in rows:
        if r["tag"] != "new":
            continue
        full_ascii = r["ascii"] == "all"
        r["dform"] = (rng.choice([f for f in DISTRICT_FORMS[r["dkey"]] if f.isascii()]) if full_ascii
                      else DISTRICT_FORMS[r["dkey"]][0] if rng.random() < 0.45
                      else rng.choice(DISTRICT_FORMS[r["dkey"]]))
        r["aform"] = (rng.choice(AWARD_FORMS_ASCII[r["akey"]]) if full_ascii
                      else rng.choice(AWARD_FORMS[r["akey"]]))
        if rng.random() < 0.85:
            mkey = rng.choice(CAT_MOVEMENTS["province" if r["dkey"] == "cap-tinh" and r["cat"] in
                                            ("government", "massorg", "department") else r["cat"]])
            forms = MOVEMENT_FORMS[mkey]
            if full_ascii:
                r["mform"] = rng.choice([common.strip_marks(f) for f in forms])
            else:
                r["mform"] = forms[0] if rng.random() < 0.6 else rng.choice(forms)
        else:
            r["mform"] = ""
        if r["ascii"]:
            r["name"] = common.strip_marks(r["name"])
        if full_ascii:
            for k in ("pos", "unit", "commune"):
                r[k] = common.strip_marks(r[k])
        r["klabel"] = KIND_LABEL_ASCII[r["kind"]] if full_ascii else KIND_LABEL[r["kind"]]
    for r in rows:
        r.setdefault("klabel", (KIND_LABEL_ASCII if r["ascii"] else KIND_LABEL)[r["kind"]])
    # a few lower-case kind labels, as typed
    for r in rng.sample([r for r in rows if r["tag"] == "new" and not r["ascii"]], 6):
        r["klabel"] = r["klabel"].lower()

    # order as in a decision's annex: award, then collectives / households / individuals, then area
    award_rank = {"bang-khen-chu-tich-ubnd-tinh": 0, "tap-the-lao-dong-xuat-sac": 1,
                  "chien-si-thi-dua-cap-tinh": 2}
    kind_rank = {"collective": 0, "household": 1, "individual": 2}
    for r in rows:
        r["shuffle"] = rng.random()
    homonyms = [r for r in rows if r["tag"] == "homonym"]
    homonyms[0]["shuffle"], homonyms[1]["shuffle"] = -1.0, 2.0  # first and last of their block
    rows.sort(key=lambda r: (award_rank[r["akey"]], kind_rank[r["kind"]],
                             DISTRICT_ORDER.index(r["dkey"]), r["shuffle"]))
    assert len(rows) == 200, len(rows)

    table = [[r["name"], r["klabel"], r["pos"], r["unit"], r["commune"], r["dform"], r["aform"], YEAR,
              DECISION, r["mform"], r["slug"]] for r in rows]
    table = [[unicodedata.normalize("NFC", c) for c in t] for t in table]

    def csv_text(records, delimiter, newline):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter=delimiter, lineterminator=newline, quoting=csv.QUOTE_MINIMAL)
        w.writerow(HEADER)
        w.writerows(records)
        return buf.getvalue()

    comma_crlf = csv_text(table, ",", "\r\n")
    with open(os.path.join(HERE, "decision-200.csv"), "wb") as f:
        f.write(b"\xef\xbb\xbf" + comma_crlf.encode("utf-8"))
    with open(os.path.join(HERE, "decision-200-semicolon.csv"), "wb") as f:
        f.write(csv_text(table, ";", "\n").encode("utf-8"))
    with open(os.path.join(HERE, "decision-200-cp1258.csv"), "wb") as f:
        f.write(common.encode_cp1258(comma_crlf))

    # bad rows: data rows 2, 4, 6 (spreadsheet rows 3, 5, 7) are wrong, the others are valid
    bad = [
        ["Hoàng Văn Kiên", "Cá nhân", "Thượng úy, Trưởng Công an xã", "Công an xã Lan Mẫu", "Xã Lan Mẫu",
         "Huyện Lục Nam", "Bằng khen của Chủ tịch UBND tỉnh", YEAR, DECISION, "Toàn dân bảo vệ an ninh Tổ quốc"],
        ["Đỗ Thị Hạnh", "Cá nhân", "Giáo viên", "Trường Tiểu học Tân Dĩnh", "Xã Tân Dĩnh", "Lạng Giang",
         "Bằng khen của Bộ trưởng Bộ Ngoại giao vũ trụ", YEAR, DECISION, "Dạy tốt – Học tốt"],
        ["Trường Mầm non Song Mai", "Tập thể", "", "Phòng Giáo dục và Đào tạo thành phố Bắc Giang",
         "Xã Song Mai", "TP Bắc Giang", "Tập thể lao động xuất sắc", YEAR, DECISION, "day-tot-hoc-tot"],
        ["Hộ gia đình bà Lăng Thị Mến", "Hộ gia đình", "", "", "Xã Vân Sơn", "Huyện Sơn Động",
         "Bằng khen của Chủ tịch UBND tỉnh", "20233", DECISION, "Vì người nghèo"],
        ["Trạm Y tế xã Tam Tiến", "Tập thể", "", "Trung tâm Y tế huyện Yên Thế", "Xã Tam Tiến",
         "Huyện Yên Thế", "Bằng khen của Chủ tịch UBND tỉnh", YEAR, DECISION, "Thầy thuốc như mẹ hiền"],
        ["Vương Văn Thành", "Cá nhân", "Giám đốc", "Công ty TNHH Thương mại Phố Cổ", "Phường Hàng Trống",
         "Huyện Hoàn Kiếm", "Bằng khen của Chủ tịch UBND tỉnh", YEAR, DECISION, "Doanh nghiệp, doanh nhân sản xuất kinh doanh giỏi"],
    ]
    for b in bad:
        assert fold(b[0]) not in existing_titles and fold(b[0]) not in used_titles, b[0]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(HEADER[:-1])
    w.writerows(bad)
    with open(os.path.join(HERE, "bad-rows.csv"), "wb") as f:
        f.write(buf.getvalue().encode("utf-8"))

    # the README and expected.json are computed from the files just written, by verify.py
    common.main(write=True)


if __name__ == "__main__":
    main()
