from __future__ import annotations

import pytest

from bot.core.skills.checkout.address_form import country_code, parse_address, take_answer, to_input
from bot.i18n import translator

t = translator("en")


@pytest.mark.parametrize(("text", "expected"), [
    ("Ada Lovelace, 12 Analytical Way, Springfield, 62701, US",
     {"name": "Ada Lovelace", "line1": "12 Analytical Way", "city": "Springfield", "postcode": "62701",
      "country": "US"}),
    ("Ada Lovelace, 12 Analytical Way, Apt 3, Springfield IL 62701, United States",
     {"name": "Ada Lovelace", "line1": "12 Analytical Way", "line2": "Apt 3", "city": "Springfield",
      "region": "IL", "postcode": "62701", "country": "US"}),
    ("张三，北京市朝阳区建国路88号，北京，100020，中国",
     {"name": "张三", "line1": "北京市朝阳区建国路88号", "city": "北京", "postcode": "100020", "country": "CN"}),
    ("Bob Smith\n10 Downing St\nLondon\nSW1A 2AA\nUK",
     {"name": "Bob Smith", "line1": "10 Downing St", "city": "London", "postcode": "SW1A 2AA", "country": "GB"}),
    ("Ada Lovelace, +1 555 0100, 12 Analytical Way, Springfield, 62701, US",
     {"name": "Ada Lovelace", "phone": "+1 555 0100", "line1": "12 Analytical Way", "city": "Springfield",
      "postcode": "62701", "country": "US"}),
    ("12 Oak Road, Springfield", {"line1": "12 Oak Road", "city": "Springfield"}),
    # The country before a phone number, and the city read from the head of a Chinese street line.
    ("陈静，上海市徐汇区漕溪北路18号，200030，中国，13912345678",
     {"name": "陈静", "line1": "上海市徐汇区漕溪北路18号", "city": "上海市", "postcode": "200030", "country": "CN",
      "phone": "13912345678"}),
    ("周杰，中国浙江省杭州市西湖区文三路8号，310012",
     {"name": "周杰", "line1": "浙江省杭州市西湖区文三路8号", "city": "杭州市", "region": "浙江省",
      "postcode": "310012", "country": "CN"}),
    ("Mei Tan, 8 Orchard Rd, Singapore, 238823, Singapore, +65 6123 4567",
     {"name": "Mei Tan", "line1": "8 Orchard Rd", "city": "Singapore", "postcode": "238823", "country": "SG",
      "phone": "+65 6123 4567"}),
    ("Ed, 5 High St, Leeds, LS1 4AP", {"name": "Ed", "line1": "5 High St", "city": "Leeds", "postcode": "LS1 4AP"}),
    # A UK or Canadian postcode after the city in the same part (it was kept in the city and asked for again).
    ("Tom Smith, 10 Downing St, London SW1A 2AA, UK",
     {"name": "Tom Smith", "line1": "10 Downing St", "city": "London", "postcode": "SW1A 2AA", "country": "GB"}),
    ("Amy Chan, 200 Bay St, Toronto, ON M5J 2J5, Canada",
     {"name": "Amy Chan", "line1": "200 Bay St", "city": "Toronto", "region": "ON", "postcode": "M5J 2J5",
      "country": "CA"}),
    # A two-letter country code before a phone number (the code was read as a state, the ZIP as the city).
    ("Jane Doe, 42 Elm Street, Springfield, IL 62704, US, +1 217 555 0142",
     {"name": "Jane Doe", "line1": "42 Elm Street", "city": "Springfield", "region": "IL", "postcode": "62704",
      "country": "US", "phone": "+1 217 555 0142"}),
    # A US address typed with spaces only (the whole line became the street and the name was asked for).
    ("李明 123 Main St Apt 4 Seattle WA 98101 美国",
     {"name": "李明", "line1": "123 Main St Apt 4", "city": "Seattle", "region": "WA", "postcode": "98101",
      "country": "US"}),
    ("Ann Lee 5 Ocean Ave San Francisco CA 94112",
     {"name": "Ann Lee", "line1": "5 Ocean Ave", "city": "San Francisco", "region": "CA", "postcode": "94112",
      "country": "US"}),
    # Session 8: a Chinese address with spaces (it stayed one street line and the name was asked for), and the
    # name after the address (it became the city).
    ("上海市 浦东新区 世纪大道100号 张三 13800138000",
     {"name": "张三", "line1": "上海市浦东新区世纪大道100号", "city": "上海市", "phone": "13800138000"}),
    ("张三 13800138000 上海市浦东新区世纪大道100号",
     {"name": "张三", "line1": "上海市浦东新区世纪大道100号", "city": "上海市", "phone": "13800138000"}),
    ("上海市浦东新区世纪大道100号，张三，13800138000",
     {"name": "张三", "line1": "上海市浦东新区世纪大道100号", "city": "上海市", "phone": "13800138000"}),
    ("收件人：王五 广东省 深圳市 南山区 科技园路8号 518057 中国",
     {"name": "王五", "line1": "广东省深圳市南山区科技园路8号", "city": "深圳市", "region": "广东省",
      "postcode": "518057", "country": "CN"}),
    ("北京 朝阳区 建国路88号 李雷", {"name": "李雷", "line1": "北京朝阳区建国路88号", "city": "北京"}),
    # A label standing alone ("收件人 李四") named nobody: the form was complete with an empty name and saving failed.
    ("收件人 李四 广东省 广州市 天河区 天河路385号 510620 13700001111",
     {"name": "李四", "line1": "广东省广州市天河区天河路385号", "city": "广州市", "region": "广东省",
      "postcode": "510620", "phone": "13700001111"}),
    ("地址：广州市天河区天河路385号 李四", {"name": "李四", "line1": "广州市天河区天河路385号", "city": "广州市"}),
])
def test_one_line_addresses(text: str, expected: dict[str, str]) -> None:
    assert parse_address(text) == expected


def test_country_names_and_codes() -> None:
    assert country_code("usa") == "US" and country_code("中国") == "CN" and country_code("de") == "DE"
    assert country_code("Atlantis") is None


def test_missing_fields_are_asked_one_by_one_and_nothing_is_lost() -> None:
    step = take_answer({"fields": {}}, "12 Oak Road, Springfield, US", t)
    assert not step.complete and step.data["asking"] == "name"
    step = take_answer(step.data, "Jane Doe", t)
    assert step.data["asking"] == "postcode"
    step = take_answer(step.data, "-", t)  # no postcode
    assert step.complete and "Jane Doe" in step.text
    assert to_input(step.data["fields"]).postcode == ""


def test_unknown_country_is_asked_again() -> None:
    data = {"fields": {"name": "A", "line1": "1 B St", "city": "C", "postcode": "1"}, "asking": "country"}
    step = take_answer(data, "Narnia", t)
    assert not step.complete and "Narnia" in step.text and step.data == data and "/cancel" in step.text


def test_the_rest_of_the_address_in_one_message_keeps_the_name_given_first() -> None:
    """Name, then phone, then "412 Pine St, Apt 3, Seattle, WA 98101": the street became the name and the
    country was asked for although a US state and ZIP were given."""
    from bot.core.skills.checkout.address_form import parse_address, take_answer
    from bot.i18n import translator

    t = translator("en")
    step = take_answer({"fields": {}}, "Tom Becker", t)
    step = take_answer(step.data, "+1 206 555 0142", t)
    step = take_answer(step.data, "412 Pine St, Apt 3, Seattle, WA 98101", t)
    fields = step.data["fields"]
    assert fields["name"] == "Tom Becker" and fields["line1"] == "412 Pine St" and fields["line2"] == "Apt 3"
    assert (fields["city"], fields["region"], fields["postcode"], fields["country"]) == ("Seattle", "WA", "98101",
                                                                                        "US")
    assert step.complete
    assert parse_address("Tom Becker, 412 Pine St, Seattle, WA 98101")["name"] == "Tom Becker"


def test_a_city_answer_with_its_postcode_fills_both() -> None:
    step = take_answer({"fields": {"name": "Tom", "line1": "10 Downing St"}, "asking": "city"}, "London sw1a 2aa", t)
    assert step.data["fields"]["city"] == "London" and step.data["fields"]["postcode"] == "SW1A 2AA"
    assert step.data["asking"] == "country"


def test_a_one_line_us_address_without_commas_is_taken_whole_at_the_name_prompt() -> None:
    step = take_answer({"fields": {}, "asking": "name"}, "Omar Haddad 77 Market St Seattle WA 98121", t)
    assert step.complete, step.text
    assert step.data["fields"]["line1"] == "77 Market St" and step.data["fields"]["city"] == "Seattle"


@pytest.mark.parametrize(("text", "phone"), [
    ("Jane Miller, 42 Oak Street, Springfield, IL 62704, phone 217-555-0199", "217-555-0199"),
    ("Bob Ray, 1 Main St, Austin, TX 78701, ph: (512) 555-0100", "(512) 555-0100"),
    ("Bob Ray, 1 Main St, Austin TX 78701 tel: +1 512 555 0100", "+1 512 555 0100"),
])
def test_a_labelled_phone_is_the_phone_and_the_zip_before_it_is_kept(text: str, phone: str) -> None:
    """walk6-en c02e: "…, IL 62704, phone 217-555-0199" asked for the ZIP again, then saved line2 "Springfield,
    IL 62704", city "phone 217-555-0199" and no phone."""
    step = take_answer({"fields": {}}, text, t)
    fields = step.data["fields"]
    assert fields["phone"] == phone and fields["postcode"] in ("62704", "78701") and fields["country"] == "US"
    assert fields["city"] in ("Springfield", "Austin") and "line2" not in fields
    assert step.complete, step.text


def test_a_labelled_phone_answering_another_field_is_noted_as_the_phone() -> None:
    step = take_answer({"fields": {"name": "Tom"}, "asking": "line1"}, "phone: 217-555-0199", t)
    assert step.data["fields"]["phone"] == "217-555-0199" and "line1" not in step.data["fields"]


def test_a_chinese_address_with_spaces_is_a_whole_address_in_the_form() -> None:
    from bot.core.skills.checkout.address_form import looks_like_address

    assert looks_like_address("上海市 浦东新区 世纪大道100号 张三 13800138000")
    assert not looks_like_address("我 想 要 优惠券")  # words with spaces, no street: not an address
    step = take_answer({"fields": {}}, "上海市 浦东新区 世纪大道100号 张三 13800138000", t)
    assert step.data["fields"]["name"] == "张三" and step.data["asking"] == "postcode"
