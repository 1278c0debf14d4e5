"""References: one syntax in prose and YAML text, one resolver, one graph.

Syntax (easy to type with a Chinese input method — half-width double brackets; the full-width
【【…】】 / ［［…］］ / ｜ an input method produces are read the same):

    [[HZ-2021-0001]]                 a record or a nested part (plan, target task, attachment) by ID
    [[海安委办〔2022〕17号]]          a notice by its document number
    [[ID|显示文字]]                    with the words to show instead of the target's title

Modules: :mod:`syntax` (find_refs), :mod:`resolve` (resolve, suggest), :mod:`graph` (graph,
coverage: every prose and structured reference with its place), :mod:`render` (replace_refs,
print_replacer, print_words, attachment_label), :mod:`checks` (E301–E302,
W301–W306), :mod:`review` (the reviewer's view: review, review_text, review_page_markdown).
"""
