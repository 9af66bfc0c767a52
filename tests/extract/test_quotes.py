import pytest


def _quotes(stages, text):
    st = stages("Headline\n\n" + text, until="quotes")
    return [(st.text[q.start:q.end], q.speaker) for q in st.quotes]


@pytest.mark.parametrize("text, expected", [
    ('Chinese President Xi Jinping met him. "I believe in the people," Xi said to Gates, adding, '
     '"We can carry out activities."',
     [("I believe in the people", "Xi Jinping"), ("We can carry out activities.", "Xi Jinping")]),
    ("Mr Chirac told reporters in Brussels: \u201cIt can no longer be justified.\u201d",
     [("It can no longer be justified.", "Chirac")]),
    ('"We have no leverage," one official admitted.', [("We have no leverage", "official")]),
    ('"It would only take five minutes," a senior U.S. Official replied.',
     [("It would only take five minutes", "senior U.S. Official")]),
    ("French President Francois Hollande spoke. He said the visit was \u201ca historic step\u201d for both.",
     [("a historic step", "Francois Hollande")]),
    # a term the two sides gave their ties is nobody's own words
    ("President Ann Roe landed in Lima on Sunday. She met Prime Minister Bo Kay, and the two leaders raised "
     "ties to a \u201cstrategic partnership\u201d.", [("strategic partnership", None)]),
    # a post on a social network is attributed like a statement
    ('Minister Ann Roe met Bo Kay. "Held a productive meeting with my friend," Roe posted on X.',
     [("Held a productive meeting with my friend", "Ann Roe")]),
])
def test_pairing_and_attribution(stages, text, expected):
    assert _quotes(stages, text) == expected


def test_unbalanced_marks_are_skipped_not_crashed(stages):
    assert _quotes(stages, 'It took decades to build the port," and then more came.') == []
    assert _quotes(stages, "\u201cOpen but never closed, said someone.") == []
    assert _quotes(stages, 'He said "a mid-sentence "odd mark here and more.') == []


@pytest.mark.parametrize("text, expected", [
    # the opening mark was lost at the paragraph start, a reporting verb follows the close
    ('Prime Minister Ann Lee spoke.\n\nIt took years to build the port," Lee said.',
     [("It took years to build the port", "Ann Lee")]),
    # a quotation reopened at a new sentence without being closed
    ('Minister Ann Lee told reporters: "We will pay our share. "There can be no deal without it."',
     [("We will pay our share.", "Ann Lee"), ("There can be no deal without it.", "Ann Lee")]),
])
def test_newspaper_mark_conventions(stages, text, expected):
    assert _quotes(stages, text) == expected


def test_quote_spanning_paragraphs(stages):
    text = ('Prime Minister Tony Blair spoke at length.\n"We will go on with this work.\n'
            '"And we will finish it," Mr Blair said.\n')
    got = _quotes(stages, text)
    assert [t for t, _ in got] == ["We will go on with this work.", "And we will finish it"]
    assert {s for _, s in got} == {"Tony Blair"}


@pytest.mark.parametrize("text, expected", [
    # the reporting clause after the quote runs past a long apposition
    ('President Ann Roe spoke. "Trade is vital," Bo Kay, deputy national security adviser for '
     'strategic communications, told reporters.', [("Trade is vital", "Bo Kay")]),
    # "said" then a role, a comma and the name
    ("\"The threat is real,\" said Peru's foreign minister, Ana Soto.", [("The threat is real", "Ana Soto")]),
    # a name after a nominal
    ('"We want a deal," said the senior negotiator, Omar Diaz.', [("We want a deal", "Omar Diaz")]),
    # the apposition names the speaker, not the description inside it
    ('Omar Diaz, a former diplomat, said Lima "is in a difficult position".',
     [("is in a difficult position", "Omar Diaz")]),
    # a body as speaker, and "it" going back to it
    ('The Daily Star said the talks failed. "Both sides lost," it said.', [("Both sides lost", "Daily Star")]),
    ('"Talks went well," the official Tass news agency said.', [("Talks went well", "Tass")]),
    # a description of an outlet goes back to the outlet named before
    ('The official Tass news agency reported the visit. "Talks went well," the state news agency said.',
     [("Talks went well", "Tass")]),
])
def test_attribution_clauses(stages, text, expected):
    assert _quotes(stages, text) == expected


def test_he_said_after_a_long_quote_goes_back_to_who_is_reported(stages):
    text = ("President Ann Roe met the envoy. The president is on a trip.\n\n"
            '"We agreed. There is more to do. We will do it. It is a goal," she said.')
    assert {s for _, s in _quotes(stages, text)} == {"Ann Roe"}


def test_a_lone_pronoun_after_two_people_leaves_the_speaker_unknown(stages):
    text = ('Minister Ann Roe and Minister Bo Kay met in Lima on Monday.\n\n"It went well," he said.')
    assert _quotes(stages, text) == [("It went well", None)]


def test_a_lone_pronoun_goes_to_the_subject_of_the_sentence_before(stages):
    text = ('Minister Ann Roe met Minister Bo Kay in Lima on Monday.\n\n"It went well," he said.')
    assert _quotes(stages, text) == [("It went well", "Ann Roe")]


def test_fragment_goes_to_the_subject_of_its_own_clause(stages):
    text = ('Ann Roe from the Stop War Coalition criticised the "politics of hate", while Bo Kay from '
            'the Peace Now Group called for people to "take to the streets".')
    assert _quotes(stages, text) == [("politics of hate", "Ann Roe"), ("take to the streets", "Bo Kay")]


@pytest.mark.parametrize("text, expected", [
    ('"It is a ploy," said a statement read on state TV from the Committee for Peace of Ruritania.',
     [("It is a ploy", "Committee for Peace of Ruritania")]),
    ('"We look forward to it," a State House news release said.', [("We look forward to it", "State House news release")]),
    ('Both sides shared data, said the Ruritanian ministry. "We stay open," it added.',
     [("We stay open", "Ruritanian ministry")]),
])
def test_bodies_behind_statements_and_it(stages, text, expected):
    assert _quotes(stages, text) == expected


def test_single_curly_quotes_and_their_paragraph_convention(stages):
    text = ("Prime Minister Ann Roe spoke at the dinner.\n\n"
            "She said: \u2018As Ruritania\u2019s star rises, we will go there.\n\n"
            "\u2018This is a relationship for the long term.\u2019\n\n"
            "Her rival\u2019s view differs.")
    got = _quotes(stages, text)
    assert [t for t, _ in got] == ["As Ruritania\u2019s star rises, we will go there.",
                                   "This is a relationship for the long term."]
    assert {s for _, s in got} == {"Ann Roe"}


def test_quoted_titles_are_not_quotes(stages):
    text = 'Minister Ann Roe opened a session titled "Pathways to a New Ruritania and the Role of Cities".'
    assert _quotes(stages, text) == []


def test_opening_phrase_pronoun_looks_ahead_to_the_subject(stages):
    text = ("Chancellor Bo Kay visited Lima last month.\n\nIn his speech, Minister Sam Lee said trade helps. "
            "He argued it was vital.\n\n\"We can do more,\" he said.")
    assert _quotes(stages, text) == [("We can do more", "Sam Lee")]


@pytest.mark.parametrize("text, expected", [
    # the subject of "said ... that" speaks for what is reported after it
    ('Spokeswoman Jo Park said in a statement that Ann Roe called President Bo Kay and that the leaders '
     'agreed the talks would "serve as a start."', [("serve as a start.", "Jo Park")]),
    # an untitled name whose long apposition ends in speech is a speaker
    ('Sam Lee, a Ruritanian parliamentarian who speaks for his party on defence, said he expects Roe to '
     '"speak up for Europe" there.', [("speak up for Europe", "Sam Lee")]),
])
def test_reported_speech_and_appositions(stages, text, expected):
    assert _quotes(stages, text) == expected


def test_a_pull_quote_takes_the_speaker_of_its_attributed_copy(stages):
    text = ('President Ann Roe met Bo Kay in Lima.\n\n" They want a new axis of partners that work together "\n\n'
            'Analysts agree.\n\n"They want a new axis of partners that work together," analyst Cy Dee said.')
    # segment drops the pull quote (a paragraph repeating a quotation): the words are briefed once,
    # credited where they are said
    assert [sp for _, sp in _quotes(stages, text)] == ["Cy Dee"]


def test_a_language_or_a_place_after_a_preposition_does_not_speak(stages):
    text = 'Crowds in one town held up a banner in Quechua saying they are "tired of empty promises."'
    assert _quotes(stages, text) == [("tired of empty promises.", None)]


def test_it_after_a_persons_office_said_is_that_office(stages):
    text = ("The talks were held in the truce village, Mr Kay's office said.\n\n"
            '"Both leaders exchanged opinions," it added.')
    assert _quotes(stages, text) == [("Both leaders exchanged opinions", "Mr Kay's office")]


def test_they_said_after_a_group_opening_the_sentence_is_that_group(stages):
    text = ('Some ministers voiced concern about the "reclamations and incidents in the area", which '
            "increased tensions, they said in the statement on Thursday.")
    assert _quotes(stages, text) == [("reclamations and incidents in the area", "ministers")]


def test_the_minister_said_is_the_minister_just_named_and_a_statement_speaks_for_its_issuer(stages):
    text = ("Ruritanian Foreign Minister Ann Roe arrived in Lima on Monday. Roe met officials. Roe spoke.\n\n"
            'Peru\'s foreign minister, Cy Dee, said the talks covered trade. "We want more access," the minister '
            "said.\n\n"
            'According to a statement from the Ruritanian foreign ministry, "both sides agreed to meet again."')
    assert [sp for _, sp in _quotes(stages, text)] == ["Cy Dee", "Ruritanian foreign ministry"]


def test_a_statement_speaks_for_the_group_it_reports_and_keeps_speaking_for_it(stages):
    text = ('A joint statement said the Andean foreign ministers "remained seriously concerned" by events.\n\n'
            'The statement added that the moves have "eroded trust and confidence."\n\n'
            'Meanwhile the military said in a white paper that Lima had "undermined stability."')
    assert [sp for _, sp in _quotes(stages, text)] == ["Andean foreign ministers", "Andean foreign ministers",
                                                       "military"]


def test_a_participle_speaks_for_the_group_opening_its_sentence(stages):
    text = 'Protesters in one town held up a banner in Quechua saying they are "tired of empty promises."'
    assert _quotes(stages, text) == [("tired of empty promises.", "Protesters")]


def test_a_spokesperson_for_someone_speaks_as_the_spokesperson(stages):
    text = 'President Bo Kay met Roe. A spokesperson for Kay said the talks were "frank and productive".'
    assert _quotes(stages, text) == [("frank and productive", "spokesperson for Kay")]
