"""The stratified sample a report on a large run covers."""

from __future__ import annotations

from framing.run.sampling import stratified_sample


def test_stratified_sample_is_proportional_deterministic_and_keeps_small_groups() -> None:
    """Every group gets its minimum, the rest is shared in proportion, many small groups cannot blow the sample up, and the order of records does not matter."""
    keys = [(f"a{i}", "big") for i in range(900)] + [(f"b{i}", "mid") for i in range(98)] + [("c0", "tiny"), ("c1", "tiny")]
    chosen = stratified_sample(keys, 100)
    groups = [keys[i][1] for i in chosen]
    # three each first, the other 92 in proportion to what is left (897 : 95)
    assert groups.count("big") == 3 + 83 and groups.count("mid") == 3 + 9 and groups.count("tiny") == 2
    # many small groups cannot blow the sample up: 400 outlets of 5 and one of 2,000
    many = [(f"o{g}-{i}", f"o{g}") for g in range(400) for i in range(5)] + [(f"x{i}", "x") for i in range(2000)]
    picked = stratified_sample(many, 1000)
    assert 950 <= len(picked) <= 1050 and {many[i][1] for i in picked} >= {f"o{g}" for g in range(400)}
    # the same ids whatever the order of the records
    shuffled = list(reversed(keys))
    again = stratified_sample(shuffled, 100)
    assert {shuffled[i][0] for i in again} == {keys[i][0] for i in chosen}


def test_the_sample_keeps_its_size_with_more_groups_than_records_to_take() -> None:
    """5,000 outlets of 3 articles and a sample of 1,500: about 1,500 records, not one per outlet."""
    keys = [(f"o{g}-{i}", f"o{g}") for g in range(5000) for i in range(3)]
    picked = stratified_sample(keys, 1500)
    assert 1450 <= len(picked) <= 1500
    assert stratified_sample(list(reversed(keys)), 1500) == {len(keys) - 1 - i for i in picked}
