"""The archive over time: build date, versions of documents, git history, releases."""
