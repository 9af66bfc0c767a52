import pytest

from briefgen.extract.normalize import fold


@pytest.mark.parametrize("text, expected", [
    ("The U.S. Administration is pressing Japan. Officials said so.",
     ["The U.S. Administration is pressing Japan.", "Officials said so."]),
    ("Microsoft Corp. co-founder Bill Gates met Xi. He left.",
     ["Microsoft Corp. co-founder Bill Gates met Xi.", "He left."]),
    ("Gen. Smith arrived on Dec. 30 in Seoul. Talks began.",
     ["Gen. Smith arrived on Dec. 30 in Seoul.", "Talks began."]),
    ('"We are frustrated," he said. "But hopeful."', ['"We are frustrated," he said.', '"But hopeful."']),
])
def test_sentences(stages, text, expected):
    st = stages("Headline here\n\n" + text, until="segment")
    assert [st.text[s.start:s.end] for s in st.sentences] == expected


@pytest.mark.parametrize("text, place, body_start", [
    ("    TOKYO, April 27 - Prime Minister Yasuhiro Nakasone sets out.\n    He flies.\n",
     "Tokyo", "Prime Minister"),
    ("SEOUL, Dec. 30 (Yonhap) -- President Lee will travel to China.", "Seoul", "President Lee"),
    ("(2nd LD) Lee-summit(2nd LD) junk By Kim SEOUL, Dec. 30 (Yonhap) -- Lee will go.", "Seoul", "Lee will"),
    ("CUZCO, Peru (Reuters) - South American leaders met.", "Cuzco", "South American"),
    ("BEIJING \u2014 Korean President Lee took a selfie.", "Beijing", "Korean President"),
    # other outlets' datelines: a colon, an agency between slashes or without brackets
    ("NEW DELHI: Prime Minister Modi will fly to Male.", "New Delhi", "Prime Minister"),
    ("RIYADH: The crown prince received the envoy.", "Riyadh", "The crown prince"),
    ("New Delhi: Prime Minister Modi will fly to Male.", "New Delhi", "Prime Minister"),
    # a place the lexicon does not know, named again in its paragraph
    ("JEDDAH: The crown prince received the envoy in Jeddah on Tuesday.", "Jeddah", "The crown prince"),
    ("MOSCOW, April 5. /TASS/. The minister will fly to Ankara.", "Moscow", "The minister"),
    ("TOKYO, March 16 Kyodo - The two leaders met.", "Tokyo", "The two leaders"),
    ("MALE, July 25 (PTI) Prime Minister Modi arrived here.", "Male", "Prime Minister"),
    # a day written as an ordinal (Gulf agencies)
    ("ABU DHABI, 13th February, 2024 (WAM) -- The President received the envoy.", "Abu Dhabi", "The President"),
    # Spanish agencies end the dateline on ".-"
    ("Brasilia (EFE).- The President received the envoy.", "Brasilia", "The President"),
    # a wire agency in brackets after a city in its own case (Indian agencies)
    ("Riyadh, Sep 11 (PTI) External Affairs Minister Ann Roe held talks.", "Riyadh", "External Affairs"),
])
def test_datelines_are_metadata(stages, text, place, body_start):
    st = stages("A headline\n\n" + text, until="segment")
    assert st.dateline_place == place
    first = st.sentences[0]
    assert st.text[first.start:].startswith(body_start)
    assert st.dateline is not None and st.dateline.end <= first.start


def test_title_line_and_byline_are_not_body(stages):
    text = "BRAZIL WINS FEW PROMISES\n\n    By Jane Doe, Reuters\n\n    LONDON, March 6 - The minister left.\n"
    st = stages(text, until="segment")
    assert [st.text[s.start:s.end] for s in st.sentences] == ["The minister left."]
    metas = [st.text[m.start:m.end] for m in st.metadata]
    assert "BRAZIL WINS FEW PROMISES" in metas and any("By Jane Doe" in m for m in metas)


def test_hard_wrapped_lines_join_indented_paragraphs_split(stages):
    text = ("TITLE LINE\n\n    TOKYO, March 2 - Japan and the U.S. Kick off talks\ntomorrow, officials said.\n"
            "    The talks are held\nannually.\n")
    st = stages(text, until="segment")
    assert len(st.paragraphs) == 2
    assert st.text[st.sentences[0].start:st.sentences[0].end].endswith("officials said.")


def test_duplicated_paragraph_kept_once_and_caption_flagged(stages):
    lead = "The community will be born this week in Peru with 32 projects."
    text = (f"Title\n\n{lead}\nCARACAS, Dec 7 (IPS) - {lead}\n"
            "Chinese President Hu Jintao (R) shakes hands in Beijing. [Reuters]\nThe bloc will grow.\n")
    st = stages(text, until="segment")
    bodies = [st.text[s.start:s.end] for s in st.sentences if not s.caption]
    assert bodies.count(lead) == 1
    assert "The bloc will grow." in bodies
    assert all("(R)" not in b for b in bodies)


def test_fold_keeps_length():
    s = "\u201cA\u201d \u2013 b\u00a0c \u2018d\u2019"
    assert len(fold(s)) == len(s) and fold(s) == '"A" - b c \'d\''


@pytest.mark.parametrize("caption, is_caption", [
    ("Foreign Minister Ana Silva during a break in the talks in Geneva on Tuesday. Photo: Jane Roe/Pool", True),
    ("Foreign Minister Ana Silva, left, waiting for the talks in Geneva. Photograph: Agence France-Presse/Getty Images",
     True),
    ("The envoy said the photo showed progress: both sides were at the table.", False),
])
def test_a_paragraph_ending_on_a_photo_credit_is_a_caption(stages, caption, is_caption):
    st = stages("Headline here\n\nThe talks opened on Monday.\n\n" + caption + "\n\nThey went on.", until="segment")
    first = [s for s in st.sentences if st.text[s.start:s.end].startswith(caption.split(".")[0])]
    assert len(first) == 1 and first[0].caption is is_caption


@pytest.mark.parametrize("furniture", [
    "Associated Press writer Jane Roe in Hanoi contributed to this report.",
    "Copyright 2024 The Wire Service. All rights reserved. This material may not be published.",
    "\u00a9 2024 Example Media Group",
    "Privacy Notice: Newsletters may contain info about charities and online ads.",
    "Photo caption: The two ministers shake hands in Lima.",
    "(Reporting by Jane Roe; Editing by John Doe)",
    "Also Read",
])
def test_page_furniture_is_not_body(stages, furniture):
    st = stages(f"Envoy lands in Lima\n\nThe envoy landed in Lima on Monday.\n\n{furniture}\n", until="segment")
    assert [st.text[s.start:s.end] for s in st.sentences] == ["The envoy landed in Lima on Monday."]


def test_a_live_blogs_time_stamps_are_metadata(stages):
    """"10:05 The envoy has arrived": the clock is furniture, the statement follows it; a time
    zone or a price after the digits is no entry's stamp."""
    text = ("Live: envoy in Lima\n\n10:05 The envoy has arrived in Lima.\n\n"
            "14.20 GMT - She met President Ana Ruiz.\n\n07:52 EST, 12 November 2013\n\n10.50 euros buy a ticket.")
    st = stages(text, until="segment")
    assert [st.text[s.start:s.end] for s in st.sentences] == [
        "The envoy has arrived in Lima.", "She met President Ana Ruiz.", "07:52 EST, 12 November 2013",
        "10.50 euros buy a ticket."]


@pytest.mark.parametrize("lead", ["UPDATE: The envoy landed in Lima.", "Update: The envoy landed in Lima.",
                                  "Taiwan: The envoy said the island would not yield."])
def test_a_capitalised_label_with_a_colon_is_no_dateline(stages, lead):
    st = stages(f"Envoy lands\n\n{lead}\n", until="segment")
    assert st.dateline is None


def test_standfirst_before_the_byline_is_not_body(stages):
    text = ("Premier heads to Lima\n\nShe wants relief from duties. He wants more ships.\n\nBy JANE ROE\n\n"
            "ROME \u2014 The premier will land in Lima on Thursday.\n")
    st = stages(text, until="segment")
    assert [st.text[s.start:s.end] for s in st.sentences] == ["The premier will land in Lima on Thursday."]


def test_transcript_labels_are_metadata_and_questions_are_not_statements(stages):
    text = ("Remarks at a joint press conference\n\nPRESIDENT ROE: It is a pleasure to welcome you to Lima.\n\n"
            "Q: Will you cancel the debt?\n\nPRESIDENT DOE: We are working on it.\n")
    st = stages(text, until="segment")
    body = [st.text[s.start:s.end] for s in st.sentences if not s.caption]
    assert body == ["It is a pleasure to welcome you to Lima.", "We are working on it."]
    assert "PRESIDENT ROE:" in [st.text[m.start:m.end] for m in st.metadata]


def test_a_lone_label_is_kept(stages):
    st = stages("Envoy lands\n\nANALYSIS: The envoy landed in Lima on Monday.\n", until="segment")
    assert st.text[st.sentences[0].start:].startswith("ANALYSIS: The envoy")


def test_signposts_are_metadata_and_said_is_no_signpost(stages):
    text = ("Premier to host the emir\n\nThe premier will host the emir next month.\n\n"
            "Why it matters: The visit would be the emir's first since 2018.\n\n"
            "Driving the news: The two are expected to discuss ports.\n\nGo deeper: Ports deal hits snag\n")
    st = stages(text, until="segment")
    assert [st.text[s.start:s.end] for s in st.sentences] == [
        "The premier will host the emir next month.", "The visit would be the emir's first since 2018.",
        "The two are expected to discuss ports."]
    text = ('Premier lands\n\nThe premier landed in Lima.\n\nHe said: "We are ready."\n\nShe added: "So are we."\n')
    st = stages(text, until="segment")
    assert st.text[st.sentences[1].start:].startswith('He said: "We are ready."')


def test_tags_and_links_under_a_list_heading_are_not_body(stages):
    text = ("Premier lands in Lima\n\nThe premier landed in Lima on Monday.\n\nExplore more on these topics\n\n"
            "Peru\n\nJane Roe\n\nTrade policy\n")
    st = stages(text, until="segment")
    assert [st.text[s.start:s.end] for s in st.sentences] == ["The premier landed in Lima on Monday."]


@pytest.mark.parametrize("credit", ["JANE ROE / AFP", "(Photo by Jane Roe/AFP via Getty Images)"])
def test_photo_credit_paragraph_is_a_caption(stages, credit):
    st = stages(f"Envoy lands\n\nThe envoy landed in Lima on Monday.\n\n{credit}\n\nHe left.\n", until="segment")
    assert [st.text[s.start:s.end] for s in st.sentences if not s.caption] == [
        "The envoy landed in Lima on Monday.", "He left."]


def test_most_read_list_is_furniture(stages):
    text = ("Quake shakes north\n\nA strong quake shook the north on Tuesday.\n\nMost Read\n"
            "1. Envoy to visit Lima for talks next month\n2. Leaders hold summit in Quito\n\n"
            "Trending Now\nMinister arrives in Lima for talks\n")
    st = stages(text, until="segment")
    assert [st.text[s.start:s.end] for s in st.sentences] == ["A strong quake shook the north on Tuesday."]


def test_pull_quote_repeating_a_quotation_is_dropped(stages):
    text = ('Envoy visits Lima\n\nThe envoy met the president in Lima on Thursday.\n\n'
            '"We want to turn a new page," the envoy told reporters.\n\n\u201cWe want to turn a new page.\u201d\n\n'
            '"Trade comes first."\n')
    st = stages(text, until="segment")
    body = [st.text[s.start:s.end] for s in st.sentences]
    assert body == ["The envoy met the president in Lima on Thursday.",
                    '"We want to turn a new page," the envoy told reporters.', '"Trade comes first."']


@pytest.mark.parametrize("furniture", ["Key points:", "This story has been updated with comments from the minister.",
                                       "For more information, please contact:"])
def test_summary_box_heading_and_update_note_are_furniture(stages, furniture):
    st = stages(f"Envoy lands in Lima\n\n{furniture}\n\nThe envoy landed in Lima on Monday.\n", until="segment")
    assert [st.text[s.start:s.end] for s in st.sentences] == ["The envoy landed in Lima on Monday."]
