"""What the guided tour's scenarios type in as the customer's data (names, addresses, paper
numbers): the customer's text, not the teller's, and validated as such (a name is 2 to 30
hanzi), so it stays in Chinese whatever the UI's language, unlike the texts that go through
``tr()``."""

from __future__ import annotations

NEWCOMER_NAME = "钱进"  # a person new to the central, registered as a flexible worker
NEW_ADDRESS = "浙江省宁波市江北区洪塘街道裘市路288号"  # 张伟's new address
NEW_NAME = "李铭"  # 李明's name after the change
POLICE_PAPER_NO = "甬公户更字〔2026〕第0117号"  # the police paper's number for the name change
INSTANT_APPLICANT_ADDRESS = "浙江省宁波市海曙区中山西路200号"  # the instant-issuance tour's applicants
