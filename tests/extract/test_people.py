import pytest


def _people(stages, text):
    st = stages("Headline\n\n" + text, until="people")
    return st, {p.name: p for p in st.people}


@pytest.mark.parametrize("text, name, role", [
    ("Blinken met Chinese Foreign Minister Qin Gang on Sunday.", "Qin Gang", "Chinese Foreign Minister"),
    ("US Secretary of State Antony Blinken arrived in Beijing.", "Antony Blinken", "US Secretary of State"),
    ("He will see Wang Yi, director of the Party Foreign Affairs Office and Chinese President Xi Jinping.",
     "Wang Yi", "director of the Party Foreign Affairs Office"),
    ("He will see Wang Yi, director of the Party Foreign Affairs Office and Chinese President Xi Jinping.",
     "Xi Jinping", "Chinese President"),
    ("It was echoed by Daniel Kritenbrink, the Assistant Secretary of State for East Asian and Pacific Affairs, "
     "who spoke.", "Daniel Kritenbrink", "Assistant Secretary of State for East Asian and Pacific Affairs"),
    ("A delegation led by SK Group Chairman Chey Tae-won will go.", "Chey Tae-won", "SK Group Chairman"),
    ("The king's son, presidential spokesperson Kang Yu-jung said.", "Kang Yu-jung", "presidential spokesperson"),
    ("Saudi Arabia's King Salman will not attend, his foreign minister, Adel al-Jubeir, said.",
     "Adel al-Jubeir", "foreign minister"),
])
def test_roles_as_written(stages, text, name, role):
    _, people = _people(stages, text)
    assert people[name].role == role


def test_mentions_resolve_surname_typo_nominal_and_pronoun(stages):
    text = ("US Secretary of State Antony Blinken arrived in Beijing. Blinken met officials. "
            "The top US diplomat said he was hopeful. \"We talk,\" Blinked underlined.")
    st, people = _people(stages, text)
    key = people["Antony Blinken"].key
    kinds = {st.text[m.start:m.end] for m in st.mentions if m.person == key}
    assert {"Blinken", "The top US diplomat", "he", "Blinked"} <= kinds


def test_historic_person_flagged(stages):
    _, people = _people(stages, "It was the lowest moment since then-US President Richard Nixon's trip in 1972.")
    assert people["Richard Nixon"].historic


@pytest.mark.parametrize("text, name", [
    ("Indian Foreign Minister S.M. Krishna met her.", "S.M. Krishna"),
    ("State Department spokesman P.J. Crowley said so.", "P.J. Crowley"),
    ("President Joseph R. Biden met the king.", "Joseph R. Biden"),
    ("Prime Minister Theresa May spoke on May 5.", "Theresa May"),
    ("UN Secretary-General Ban Ki-moon arrived.", "Ban Ki-moon"),
    ("President Bo Kay Jr. will travel to Oslo. Kay Jr. said so.", "Bo Kay Jr."),
    ("Senator Ann Roe Sr., a veteran, spoke.", "Ann Roe Sr."),
])
def test_initials_and_dotted_names_stay_whole(stages, text, name):
    _, people = _people(stages, text)
    assert name in people


def test_a_generational_suffix_is_no_surname(stages):
    st, people = _people(stages, "President Bo Kay Jr. will travel to Oslo. Kay said the visit mattered.")
    assert list(people) == ["Bo Kay Jr."]
    assert "Kay" in people["Bo Kay Jr."].surnames


@pytest.mark.parametrize("text, not_a_person", [
    ("Related Story Pompeo said the talks went well. Pompeo left.", "Related Story Pompeo"),
    ("File Photo: Ann Roe. Minister Ann Roe spoke.", "File Photo"),
    ("Tension Prompts Kerry To Visit Seoul\n\nKerry went. Kerry spoke.", "Tension Prompts Kerry"),
    ("Addressing Liu, the envoy said so. Liu smiled.", "Addressing Liu"),
    ("They hiked in the Bavarian Alps. The Bavarian Alps are high.", "Bavarian Alps"),
])
def test_furniture_headlines_and_openers_are_no_people(stages, text, not_a_person):
    _, people = _people(stages, text)
    assert not_a_person not in people


def test_one_person_named_several_ways(stages):
    text = ("US Secretary of State Ann Roe arrived. Secretary Roe met officials. Ms Roe said little. "
            "Roe left.")
    st, people = _people(stages, text)
    assert list(people) == ["Ann Roe"]
    assert people["Ann Roe"].role == "US Secretary of State"


def test_a_titled_surname_before_a_namesake_is_its_own_person(stages):
    st, people = _people(stages, "President Kay welcomed the guests. First Lady Mia Kay smiled.")
    assert people["Kay"].role == "President" and "Mia Kay" in people


@pytest.mark.parametrize("text, pronoun_at, who", [
    # the subject of the earlier sentence
    ("Minister Ann Roe met Envoy Bo Kay. She said the talks went well.", "She", "Ann Roe"),
    # gender learnt from an earlier pronoun picks between two people
    ("Minister Ann Roe met her counterpart Bo Kay. In his remarks, Kay praised her. He smiled.", "He", "Bo Kay"),
    # the reported speaker of the earlier sentence
    ("The deal suits the region and the envoy, Minister Bo Kay said. He smiled.", "He", "Bo Kay"),
])
def test_pronouns_resolve_to_a_fitting_person(stages, text, pronoun_at, who):
    st, people = _people(stages, text)
    at = st.text.rindex(pronoun_at)
    got = [m.person for m in st.mentions if m.start == at]
    assert got == [people[who].key]


def test_a_pronoun_after_two_people_and_no_plain_subject_stays_unresolved(stages):
    st, people = _people(stages, "On Monday in Lima, Minister Ann Roe and Minister Bo Kay met. He smiled.")
    at = st.text.rindex("He")
    assert [m for m in st.mentions if m.start == at] == []


def test_role_noun_goes_to_the_apposition_or_the_most_salient(stages):
    text = ("Secretary of State Ann Roe arrived. Roe met them. Roe spoke. It was echoed by Bo Kay, "
            "the Assistant Secretary of State for Asia, who agreed.")
    st, people = _people(stages, text)
    at = st.text.index("the Assistant Secretary")
    assert [m.person for m in st.mentions if m.start == at] == [people["Bo Kay"].key]


def test_an_untitled_person_takes_the_role_of_the_description_that_follows(stages):
    st, people = _people(stages, "Bo Kay said the rebate stays. The foreign secretary told MPs so.")
    assert people["Bo Kay"].role == "foreign secretary"
    # a description in object position does not describe the sentence's own subject
    st, people = _people(stages, "Bo Kay spoke. Kay has accused the leader of the other side of lying.")
    assert people["Bo Kay"].role is None


@pytest.mark.parametrize("text, not_a_person", [
    ("Protesters from the Stop War Coalition marched. Stop War Coalition leaders spoke.", "Stop War"),
    ("Ann Roe of Stand Up To War spoke, and Stand Up To War marched.", "Stand Up"),
])
def test_a_bodys_name_is_no_person(stages, text, not_a_person):
    _, people = _people(stages, text)
    assert not_a_person not in people


def test_commentators_are_not_participants(stages):
    st = stages("Headline\n\nPresident Ann Roe met Prime Minister Bo Kay in Lima on Monday. "
                '"It was a good meeting," said Sam Lee, a Latin America analyst, who met them both.',
                until="participants")
    assert [p.name for p in st.participants] == ["Ann Roe", "Bo Kay"]


@pytest.mark.parametrize("sentence", [
    "President Ann Roe held a joint news conference with Prime Minister Bo Kay on Monday.",
    "President Ann Roe called on Prime Minister Bo Kay on Monday.",
    "President Ann Roe held talks with Prime Minister Bo Kay on Monday.",
    "President Ann Roe and Prime Minister Bo Kay held wide-ranging talks on Monday.",
    "President Ann Roe arrived in Lima on Monday. Prime Minister Bo Kay also took part in the talks.",
])
def test_counterparts_found(stages, sentence):
    st = stages("Headline\n\n" + sentence, until="participants")
    assert [p.name for p in st.participants] == ["Ann Roe", "Bo Kay"]


def test_an_office_in_apposition_beats_a_rank(stages):
    _, people = _people(stages, "She met General Bo Kay, President of Ruritania, on Monday.")
    assert people["Bo Kay"].role == "President of Ruritania"


@pytest.mark.parametrize("sentence", [
    "Secretary of State Ann Roe and Ruritanian Foreign Minister Bo Kay stood side by side in Lima as "
    "they set out the plan.",
    "Ann Roe and Bo Kay announced the accord on Monday.",
    "Foreign Minister Bo Kay and Secretary of State Ann Roe have jointly unveiled a framework.",
])
def test_a_joint_subject_with_the_principal_takes_part(stages, sentence):
    text = ("Headline\n\nSecretary of State Ann Roe arrived in Lima on Monday for talks. " + sentence
            + " Bo Kay is Ruritania's foreign minister.")
    st = stages(text, until="participants")
    assert {p.name for p in st.participants} >= {"Ann Roe", "Bo Kay"}


@pytest.mark.parametrize("aside", [
    'President Cy Dee added, "There are consequences for anyone who breaks it."',
    'Prime Minister Cy Dee welcomed the deal, saying it was "the only exit".',
    'U.N. Secretary-General Cy Dee said in New York: "This is a hopeful day."',
])
def test_a_leader_only_quoted_on_the_story_does_not_take_part(stages, aside):
    text = ("Headline\n\nSecretary of State Ann Roe held talks with Foreign Minister Bo Kay in Lima on "
            "Monday. " + aside)
    st = stages(text, until="participants")
    assert [p.name for p in st.participants] == ["Ann Roe", "Bo Kay"]


def test_a_leader_quoted_after_the_talks_takes_part(stages):
    text = ("Headline\n\nSecretary of State Ann Roe arrived in Lima on Monday. After talks in the capital, "
            'Foreign Minister Bo Kay said: "Our resolve is firm."')
    st = stages(text, until="participants")
    assert "Bo Kay" in [p.name for p in st.participants]


def test_a_minister_who_made_the_journey_takes_part(stages):
    text = ("Headline\n\nChancellor Ann Roe arrived in Lima on Monday for talks. Foreign Minister Bo Kay, who "
            "is among the ministers who made the journey, spoke of strong ties. "
            '"We are close partners," Bo Kay said.')
    st = stages(text, until="participants")
    assert "Bo Kay" in [p.name for p in st.participants]


@pytest.mark.parametrize("history", [
    "In their eight years as president, Mr. Bo Kay and Mr. Cy Dee hosted 13 state dinners.",
    "Mr. Bo Kay and President Cy Dee held their first state dinners in November of their first year in office.",
    "During his tenure, President Bo Kay met President Cy Dee twice.",
])
def test_a_career_told_in_passing_brings_no_participants(stages, history):
    text = ("Headline\n\nPresident Ann Roe welcomed President Eve Moss on Monday for a state visit. "
            "Bo Kay is a former president. Cy Dee is a former president. " + history)
    st = stages(text, until="participants")
    names = {p.name for p in st.participants}
    assert {"Ann Roe", "Eve Moss"} <= names and not names & {"Bo Kay", "Cy Dee"}


@pytest.mark.parametrize("text, name, role", [
    # a role is a title: a leading preposition of the sentence is not part of it ...
    ("Headline\n\nShe cited the hard line of Ruritania's prime minister, Bo Kay, on the issue.", "Bo Kay",
     "Ruritania's prime minister"),
    # ... and a noun phrase torn inside its small words keeps only the title before "of".
    ("Headline\n\n\"It is rocky,\" said Bo Kay, director of the foreign policy unit at the Ruritania "
     "Institute.", "Bo Kay", "director"),
])
def test_roles_are_titles_not_torn_phrases(stages, text, name, role):
    st = stages(text, until="people")
    got = {p.name: p.role for p in st.people}
    assert got[name] == role


def test_the_person_sitting_across_from_the_principal_takes_part_and_the_pundit_does_not(stages):
    text = ("Headline\n\nAssistant Secretary of State Ann Roe will hold talks in Lima this week. "
            "Sitting across from Roe will likely be Bo Kay, a career diplomat, said Cy Dee, a former "
            "Defense Department official and Director of the Research Centre. "
            '"The delegation is going to talk about normal relations," said Eve Moss, a former State '
            "Department official and President of the Policy Institute.")
    st = stages(text, until="participants")
    assert [p.name for p in st.participants] == ["Ann Roe", "Bo Kay"]


def test_a_quoted_leader_named_at_the_meeting_takes_part(stages):
    text = ("Headline\n\nPrime Minister Ann Roe will host a meeting in London on Tuesday. "
            "In an interview ahead of the meeting in London, President Bo Kay said attacks were wrong. "
            '"We are ready to negotiate," President Bo Kay said.')
    st = stages(text, until="participants")
    assert "Bo Kay" in [p.name for p in st.participants]


@pytest.mark.parametrize("text, not_a_person", [
    ("Head of the Lunar Atomic Energy Organization Ann Roe spoke in Lima.", "Atomic"),
    ("Lima Trade Office Chief Agricultural Negotiator Bo Kay arrived.", "Agricultural"),
    ("Experts from the Department of Treasury, the Central Bank and the Department of Energy came.", "Treasury"),
    ("Talking to RFE/RL's Uzbek Service from Tashkent, U.S. Embassy official Ann Roe confirmed it.", "RL's Uzbek"),
    ("Talking to RFE/RL's Uzbek Service from Tashkent, U.S. Embassy official Ann Roe confirmed it.", "Tashkent"),
    ("Cheong Wa Dae said President Bo Kay will travel.", "Cheong Wa Dae"),
])
def test_words_of_a_title_or_a_bodys_name_are_no_person(stages, text, not_a_person):
    _, people = _people(stages, text)
    assert not_a_person not in people


@pytest.mark.parametrize("text, name, role", [
    ("Head of Lunar Atomic Energy Organization Ann Roe spoke in Lima.", "Ann Roe",
     "Head of Lunar Atomic Energy Organization"),
    ("The team included Under Secretary of Energy for Trade and Foreign Farm Affairs Bo Kay.", "Bo Kay",
     "Under Secretary of Energy for Trade and Foreign Farm Affairs"),
    ("It was chaired by two envoys: Mr Ann Roe of Peru and Mr Bo Kay of Chile.", "Bo Kay", None),
    ("President Xi and Premier Li Keqiang met the visitors.", "Li Keqiang", "Premier"),
    ("Minister of Foreign Affairs Ann Roe and Deputy Minister Bo Kay met.", "Bo Kay", "Deputy Minister"),
    ("He was joined by intelligence chief Bo Kay.", "Bo Kay", "intelligence chief"),
    ("He was visited by influential senator Bo Kay.", "Bo Kay", "senator"),
    ("Talking to a radio from Lima, U.S. Embassy official Ann Roe confirmed it.", "Ann Roe", "U.S. Embassy official"),
])
def test_roles_run_over_a_bodys_name_and_an_office_complement(stages, text, name, role):
    _, people = _people(stages, text)
    assert people[name].role == role


@pytest.mark.parametrize("sentence", [
    "The envoy later met with Ann Roe of Ruritania.",  # an untitled counterpart, the object of "met with"
    "In a joint statement, Envoy Cy Dee and President Ann Roe reaffirmed their ties.",
    "The talks were co-chaired by Minister Ann Roe and Minister Bo Kay.",
])
def test_counterparts_named_by_the_meeting_itself(stages, sentence):
    st = stages("Headline\n\nEnvoy Cy Dee arrived in Lima on Monday for talks. " + sentence, until="participants")
    assert "Ann Roe" in [p.name for p in st.participants]


def test_names_sharing_only_a_particle_and_a_given_name_are_two_people(stages):
    _, people = _people(stages, "Crown Prince Ali bin Omar will lead, and Deputy Crown Prince Ali bin Said will "
                                "attend. Ali bin Said is young.")
    assert {"Ali bin Omar", "Ali bin Said"} <= set(people)


@pytest.mark.parametrize("text, not_a_person", [
    ("Mr Bo Kay said Mr Kay's RDP was close to a deal.", "RDP"),  # an acronym names a body
    ("He refused to talk with the Sinn Nua. Sinn Nua said so. Sinn Nua agreed.", "Sinn Nua"),
])
def test_acronyms_and_bodies_named_after_the_are_no_person(stages, text, not_a_person):
    _, people = _people(stages, text)
    assert not_a_person not in people


@pytest.mark.parametrize("text, name, role", [
    ("Mr Roe was due to meet Bo Kay, the head of North Ruritania's police, on Monday.", "Bo Kay",
     "head of North Ruritania's police"),
    ("It nearly collapsed, said Bo Kay, Ruritania's industry and trade minister.", "Bo Kay",
     "Ruritania's industry and trade minister"),
    ("He met Ruritania's General Bo Kay, the head of the army, on Monday.", "Bo Kay", "head"),
])
def test_apposition_roles_keep_a_possessed_noun_and_beat_a_rank(stages, text, name, role):
    _, people = _people(stages, text)
    assert people[name].role == role


@pytest.mark.parametrize("aside", [
    # a person who urges the principal ("called on X to ...") did not call on them
    "Before the talks, Senator Cy Dee called on Roe to take a harder line.",
    # "not welcome" is no welcome
    "Campaigner Cy Dee said clearly that Ann Roe is not welcome in Lima.",
    # the last visit is another event
    "The last state visit to Lima was in May, when King Cy Dee and Queen Eve Moss came for two days.",
    # a think tank's president comments on the talks
    '"It is sensible," said Cy Dee, president of the Lima Forum think tank, who met Roe and Kay.',
])
def test_people_beside_the_talks_but_not_at_them(stages, aside):
    text = ("Headline\n\nPresident Ann Roe held talks with Prime Minister Bo Kay in Lima on Monday. " + aside)
    st = stages(text, until="participants")
    assert [p.name for p in st.participants] == ["Ann Roe", "Bo Kay"]


@pytest.mark.parametrize("text, name, role", [
    ("The two presidents, accompanied by first lady Ann Roe, attended the banquet.", "Ann Roe", "first lady"),
    ("A spokeswoman for Commons Speaker Bo Kay said a request would be considered.", "Bo Kay", "Commons Speaker"),
    ("Mr Kay, the president of the party's political wing, Sinn Nua, said so.", "Kay",
     "president of the party's political wing"),
])
def test_roles_first_lady_a_spokeswomans_principal_and_a_possessed_phrase(stages, text, name, role):
    _, people = _people(stages, text)
    assert people[name].role == role


@pytest.mark.parametrize("text, name, not_a_person", [
    ("President Kay Bo Ann KayFederal judge halts a law MORE on Monday met Roe.", "Kay", "Bo Ann"),
    ("Pakistan's Ambassador Moeen ul Haq attended.", "Moeen ul Haq", "Moeen"),
])
def test_glued_link_text_and_particles(stages, text, name, not_a_person):
    _, people = _people(stages, text)
    assert name in people and not_a_person not in people


@pytest.mark.parametrize("text, name, role", [
    ("Ann Roe has become the first Ruritanian president to visit Lima since 1898.", "Ann Roe",
     "Ruritanian president"),
    ("He said Bo Kay, who is also interior minister, would lead the delegation.", "Bo Kay", "interior minister"),
])
def test_a_role_said_by_a_copula(stages, text, name, role):
    _, people = _people(stages, text)
    assert people[name].role == role


def test_a_copula_without_a_title_gives_no_role(stages):
    _, people = _people(stages, "Mr Bo Kay is a keen sailor and was the first to arrive.")
    assert people["Bo Kay"].role is None


def test_a_headlines_familiar_form_of_a_name_is_the_name_shown(stages):
    st = stages("Readout of President Bob Kay’s Meeting with President Ann Roe of Ruritania\n\n"
                "President Robert T. Kay, Jr. met on May 4 with President Ann Roe of Ruritania. President Kay "
                "raised trade. Bob Kay smiled.", until="people")
    assert [p.name for p in st.people] == ["Bob Kay", "Ann Roe"]


def test_a_title_case_headline_creates_no_person(stages):
    st = stages("President Bo Kay’s Visit Ends\n\nThe visit of the minister ended on Monday.", until="people")
    assert st.people == ()


@pytest.mark.parametrize("text, name, role", [
    ("Xi met President of the United Arab Emirates Sheikh Ali bin Omar on Monday.", "Ali bin Omar",
     "President of the United Arab Emirates"),
])
def test_a_role_runs_over_a_country_named_in_words(stages, text, name, role):
    _, people = _people(stages, text)
    assert people[name].role == role


def test_the_plural_of_a_title_is_no_name(stages):
    _, people = _people(stages, "Bo Kay, the president of the Lima Commission of Permanent Representatives and a "
                                "promoter of the plan, spoke.")
    assert "Representatives" not in people


def test_two_coordinated_names_share_a_plural_title_and_join_the_meeting(stages):
    text = ("Headline\n\nChancellor Ann Roe met President Bo Kay in Lima on Tuesday. "
            "Finance ministers Cy Dee and Eve Moss also joined part of the meeting.")
    st = stages(text, until="participants")
    got = {p.name: p.role for p in st.participants}
    assert got.get("Cy Dee") == "Finance ministers" and got.get("Eve Moss") == "Finance ministers"


@pytest.mark.parametrize("sentence, who", [
    # the object of a meeting verb whose subject is an unresolved description
    ("The UN scribe would on Monday meet with President Cy Dee at the villa.", "Cy Dee"),
    # whoever chairs the dialogue, named after an office and an honorific
    ("The Vice-President, Prof. Cy Dee, is expected to chair the dialogue.", "Cy Dee"),
])
def test_the_object_of_a_meeting_and_the_chair_take_part(stages, sentence, who):
    text = "Headline\n\nSecretary-General Ann Roe arrived in Lima on Sunday for a visit. " + sentence
    st = stages(text, until="participants")
    assert who in [p.name for p in st.participants]


def test_talks_led_by_sides_take_the_ministers_the_story_names(stages):
    text = ("Headline\n\nNuclear talks between Ruritania and six world powers resumed in Lima on "
            "Tuesday. Ruritanian Foreign Minister Ann Roe said work would resume. Russian Foreign Minister "
            "Bo Kay said the sides agreed in principle. Former President Cy Dee said in 2010 that talks fail.")
    st = stages(text, until="participants")
    names = [p.name for p in st.participants]
    assert "Ann Roe" in names and "Bo Kay" in names and "Cy Dee" not in names


def test_whoever_will_not_attend_is_no_participant(stages):
    text = ("Headline\n\nRuritania's King Bo Kay will not attend a summit of leaders in Lima, his envoy said. "
            "President Ann Roe will host the summit on Thursday and meet Prime Minister Cy Dee.")
    st = stages(text, until="participants")
    names = [p.name for p in st.participants]
    assert "Ann Roe" in names and "Cy Dee" in names and "Bo Kay" not in names


def test_untitled_names_in_the_travelling_party_take_part(stages):
    text = ("Headline\n\nPrime Minister Ann Roe arrived in Lima on Friday for a two-day visit. "
            "Both Bo Kay and Cy Dee were part of the delegation.")
    st = stages(text, until="participants")
    names = [p.name for p in st.participants]
    assert "Bo Kay" in names and "Cy Dee" in names


def test_the_counterpart_of_someone_elses_meeting_does_not_take_part(stages):
    text = ("Headline\n\nPresident Ann Roe arrived in Lima on Sunday for a state visit. Foreign Minister Bo Kay, "
            "who is in Quito after his meeting with Secretary Cy Dee, is expected to join Roe in Lima on Monday.")
    st = stages(text, until="participants")
    assert "Cy Dee" not in [p.name for p in st.participants]


def test_a_leader_meeting_counterparts_at_a_summit_takes_part(stages):
    text = ("Headline\n\nPresident Ann Roe called the rebate unjustified after a summit meeting in Lima. "
            "Leaders are holding talks in Lima on growth. Prime Minister Bo Kay is meeting his counterparts "
            "to finalise a package. Former President Cy Dee met them in 1999. Prime Minister Eve Moss met "
            "her counterparts in Rome in May.")
    st = stages(text, until="participants")
    names = [p.name for p in st.participants]
    assert "Bo Kay" in names and not {"Cy Dee", "Eve Moss"} & set(names)


def test_a_title_misspelt_by_a_letter_is_no_part_of_the_name(stages):
    _, people = _people(stages, "Roe is scheduled to meet with Peruvian Premiere Bo Kay on Thursday.")
    assert people["Bo Kay"].role == "Peruvian Premiere"


@pytest.mark.parametrize("text, present, absent", [
    ("He won the Nobel Peace Prize and stayed at Blair House. President Bo Kay came.", "Bo Kay", "Nobel Peace"),
    ("Iranian Brigadier-General Bo Kay warned the US.", "Bo Kay", "Brigadier-General Bo Kay"),
])
def test_a_things_name_and_a_hyphenated_title_are_no_person(stages, text, present, absent):
    _, people = _people(stages, text)
    assert present in people and absent not in people


def test_one_name_written_in_two_cases_is_one_person(stages):
    _, people = _people(stages, "UN Secretary-General Bo Ki-moon arrived. Mr Bo Ki-Moon spoke. Ki-Moon left.")
    assert len(people) == 1


def test_a_title_written_later_beats_a_counterpart_relation(stages):
    text = ("Prime Minister Ann Roe met her Peruvian counterpart Bo Kay on Monday. "
            "Peruvian Prime Minister Bo Kay said the talks were good.")
    _, people = _people(stages, text)
    assert people["Bo Kay"].role == "Peruvian Prime Minister"


def test_a_description_with_new_or_long_serving_refers_back(stages):
    st, people = _people(stages, "Chancellor Ann Roe met President Bo Kay in Lima. Later the long-serving chancellor "
                                 "spoke to reporters.")
    at = st.text.index("the long-serving chancellor")
    assert [m.person for m in st.mentions if m.start == at] == [people["Ann Roe"].key]


def test_the_counterpart_of_a_meeting_at_another_time_and_a_chief_of_staff(stages):
    text = ("Headline\n\nSecretary-General Ann Roe on Thursday met President Bo Kay in Lima, two days after talks "
            "with Ruritanian leader Cy Dee in Quito. Kay's chief of staff, Eve Moss, also attended the meeting.")
    st = stages(text, until="participants")
    got = {p.name: p.role for p in st.participants}
    assert "Bo Kay" in got and "Cy Dee" not in got and got.get("Eve Moss") == "Kay's chief of staff"


def test_a_ruler_his_son_and_an_adviser_at_the_meeting(stages):
    text = ("Headline\n\nHis Highness Sheikh Omar bin Said Al Nur, Vice President of the Union, on Tuesday received "
            "Prime Minister Bo Kay in Lima. The meeting was attended by Sheikh Ali bin Omar bin Said Al Nur, Crown "
            "Prince of Lima, and Dr. Cy Dee, diplomatic adviser to the President.")
    st = stages(text, until="participants")
    got = {p.name: p.role for p in st.participants}
    assert got.get("Omar bin Said Al Nur") == "Vice President of the Union"
    assert got.get("Ali bin Omar bin Said Al Nur") == "Crown Prince of Lima"
    assert got.get("Cy Dee") == "diplomatic adviser"


def test_a_generic_noun_fitting_two_people_resolves_to_neither(stages):
    text = ("Foreign Ministry spokeswoman Ann Roe said on Wednesday that Foreign Minister Bo Kay will visit "
            "Oslo next week.\n\n\"We expect a frank conversation,\" the diplomat said.")
    st, people = _people(stages, text)
    at = st.text.index("the diplomat")
    assert not [m for m in st.mentions if m.start == at]
    st, people = _people(stages, "Foreign Minister Bo Kay will visit Oslo.\n\n\"We expect a frank talk,\" "
                                 "the diplomat said.")
    at = st.text.index("the diplomat")
    assert [m.person for m in st.mentions if m.start == at] == [people["Bo Kay"].key]


def test_a_name_only_ever_saying_things_is_a_source_not_a_participant(stages):
    st = stages("Headline\n\nPrime Minister Bo Kay will attend the summit in Oslo this week. Kay will also "
                "hold bilateral meetings, Wisma Putra said today.", until="participants")
    assert [p.name for p in st.participants] == ["Bo Kay"]
