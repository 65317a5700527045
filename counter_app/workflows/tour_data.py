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
# the application tours (ui/tour.py): a minor at the non-instant branch and her guardian
MINOR_ADDRESS = "浙江省宁波市北仑区新碶街道明州路88号"
MINOR_EMS_ADDRESS = "浙江省宁波市北仑区新碶街道明州路88号3幢201室"
GUARDIAN_NAME = "李明"
GUARDIAN_RELATIONSHIP = "父亲"  # an entry of application_rules.RELATIONSHIPS
GUARDIAN_PROOF = "户口簿"  # an entry of application_rules.PROOF_DOCUMENTS
# a person registered elsewhere (typed, no ID card read)
NONLOCAL_NAME = "吴磊"
NONLOCAL_NATION = "汉族"  # an entry of application_rules.NATIONS
NONLOCAL_ADDRESS = "湖北省武汉市武昌区中南路66号"
DRAFT_ADDRESS = "浙江省宁波市镇海区招宝山街道1号"  # the draft left when the teller is called away
