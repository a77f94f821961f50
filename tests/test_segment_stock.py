"""without_stock_phrases: speech verbs and job titles blanked out, everything else kept in place."""
from tasks.segment_stock import without_stock_phrases


def test_stock_phrases_become_blanks_of_their_length():
    text = "市商务局负责人介绍,我市已建立产销对接机制。"
    blanked = without_stock_phrases(text)
    assert len(blanked) == len(text) and "负责人" not in blanked and "介绍" not in blanked
    assert blanked.startswith("市商务局") and blanked.endswith("产销对接机制。")


def test_single_characters_and_topic_words_stay():
    assert without_stock_phrases("他说,湿地候鸟数量创新高。") == "他说,湿地候鸟数量创新高。"
