"""Releases: publications (tags), snapshots of a tag built by the current code, BagIt packages
and their verification."""
