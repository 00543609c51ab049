"""Validation: checking a tag (theme, actor, actor pair, topic) by judging a random sample of its passages.

`targets` says what a tag selects and why each passage matched, `sampling` draws the sample,
`judgments` keeps the verdicts in SQLite, `estimates` turns them into precision and agreement.
"""
