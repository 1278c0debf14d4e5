"""References: one syntax in prose and YAML text, one resolver, one graph.

Syntax (easy to type with a Chinese input method — half-width double brackets):

    [[HZ-2021-0001]]                 a record or a nested part (plan, target task, attachment) by ID
    [[海安委办〔2022〕17号]]          a notice by its document number
    [[ID|显示文字]]                    with the words to show instead of the target's title
"""
