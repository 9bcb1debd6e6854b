"""Yingji (应急): the system of record for district emergency-management bureaus."""
