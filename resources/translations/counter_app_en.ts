<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <source>{0}&#x3000;持卡人：{1}</source>
        <translation>{0}  Cardholder: {1}</translation>
    </message>
    <message>
        <source>尚未识别</source>
        <translation>Not identified yet</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>身份核验</source>
        <translation>Identity check</translation>
    </message>
    <message>
        <source>请选择业务，将持卡人的居民身份证放在阅读器上按 F2 读取；无法读卡时手工录入号码。</source>
        <translation>Choose the business, place the cardholder&apos;s resident ID card on the reader and press F2; if it cannot be read, enter the number by hand.</translation>
    </message>
    <message>
        <source>挂失（正式挂失，含临时挂失转正式挂失）</source>
        <translation>Report loss (formal loss report, incl. converting a temporary loss report)</translation>
    </message>
    <message>
        <source>解挂（须持找回的原卡，限发卡银行网点）</source>
        <translation>Cancel loss report (with the recovered card, at a branch of the issuing bank only)</translation>
    </message>
    <message>
        <source>{0}年{1:02d}月{2:02d}日</source>
        <translation>{0}-{1:02d}-{2:02d}</translation>
    </message>
    <message>
        <source>请将申请人的居民身份证放在阅读器上，按 F2 读取；无法读卡时（如未成年人无身份证）可手工录入号码。</source>
        <translation>Place the applicant&apos;s resident ID card on the reader and press F2; if it cannot be read (e.g. a minor without an ID card), enter the number by hand.</translation>
    </message>
    <message>
        <source>读取身份证 (F2)</source>
        <translation>Read ID card (F2)</translation>
    </message>
    <message>
        <source>18位身份证号码，末位X可小写</source>
        <translation>18-digit ID number; a final X may be lower case</translation>
    </message>
    <message>
        <source>身份证号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>阅读器：{0}</source>
        <translation>Reader: {0}</translation>
    </message>
    <message>
        <source>本柜台未配置身份证阅读器</source>
        <translation>No ID card reader configured at this counter</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>民族</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <source>出生</source>
        <translation>Born</translation>
    </message>
    <message>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>号码</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:{0}; font-weight:bold&apos;&gt;✓ 已读取身份证&lt;/p&gt;&lt;table style=&apos;font-size:15px&apos;&gt;{1}&lt;/table&gt;</source>
        <translation>&lt;p style=&apos;color:{0}; font-weight:bold&apos;&gt;✓ ID card read&lt;/p&gt;&lt;table style=&apos;font-size:15px&apos;&gt;{1}&lt;/table&gt;</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:{0}&apos;&gt;手工录入的号码，请核对申请人证件原件。&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:{0}&apos;&gt;Number entered by hand: check it against the applicant&apos;s original ID document.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>向中心系统核验申领资格（户籍或在甬参保）和已有卡片；已有可用卡片的，转到对应业务办理。</source>
        <translation>Checks eligibility with the central system (household registration or insured in Ningbo) and existing cards; an applicant who already has a usable card is sent to the matching business.</translation>
    </message>
    <message>
        <source>重新核验 (F5)</source>
        <translation>Check again (F5)</translation>
    </message>
    <message>
        <source>正在向中心系统核验申领资格…</source>
        <translation>Checking eligibility with the central system…</translation>
    </message>
    <message>
        <source>正在向中心核验…</source>
        <translation>Checking with the central system…</translation>
    </message>
    <message>
        <source>转到“{0}”办理</source>
        <translation>Go to “{0}”</translation>
    </message>
    <message>
        <source>符合申领条件，可以继续办理。</source>
        <translation>Eligible for a card application; you may continue.</translation>
    </message>
    <message>
        <source>户籍类别</source>
        <translation>Household registration type</translation>
    </message>
    <message>
        <source>申请人类别</source>
        <translation>Applicant type</translation>
    </message>
    <message>
        <source>未成年人（须监护人办理）</source>
        <translation>Minor (guardian required)</translation>
    </message>
    <message>
        <source>成年人</source>
        <translation>Adult</translation>
    </message>
    <message>
        <source>制卡方式</source>
        <translation>Production</translation>
    </message>
    <message>
        <source>即时制卡（本网点当场制卡）</source>
        <translation>Instant issuance (card made at this branch now)</translation>
    </message>
    <message>
        <source>集中制卡（中心统一制作）</source>
        <translation>Central production (card made by the central system)</translation>
    </message>
    <message>
        <source>“最多跑一次”：请逐项核对申请人带来的材料；缺少的材料会一次性列出，请告知申请人。</source>
        <translation>“At most one trip”: check each document the applicant brought; anything missing is listed at once, tell the applicant.</translation>
    </message>
    <message>
        <source>全部已核对 (Ctrl+A)</source>
        <translation>All checked (Ctrl+A)</translation>
    </message>
    <message>
        <source>{0}&#x3000;—&#x3000;{1}</source>
        <translation>{0} — {1}</translation>
    </message>
    <message>
        <source>姓名、民族、住址按证件核对；性别和出生日期取自身份证号码。生僻字可用输入法的 GB18030 字库录入。</source>
        <translation>Check name, ethnicity and address against the ID document; sex and date of birth come from the ID number. Enter rare characters with the input method&apos;s GB18030 set.</translation>
    </message>
    <message>
        <source>姓&#x3000;&#x3000;名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>性&#x3000;&#x3000;别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>民&#x3000;&#x3000;族</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>住&#x3000;&#x3000;址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>手机或固定电话，用于领卡通知</source>
        <translation>Mobile or landline, for the card collection notice</translation>
    </message>
    <message>
        <source>申请人未满18周岁，须由监护人持本人身份证和监护关系证明（如户口簿）办理，并在登记表上签名。</source>
        <translation>The applicant is under 18: a guardian must apply with their own ID card and proof of guardianship (e.g. household register) and sign the application form.</translation>
    </message>
    <message>
        <source>监护人姓名</source>
        <translation>Guardian&apos;s name</translation>
    </message>
    <message>
        <source>监护人身份证号</source>
        <translation>Guardian&apos;s ID number</translation>
    </message>
    <message>
        <source>与申请人关系</source>
        <translation>Relationship to applicant</translation>
    </message>
    <message>
        <source>监护关系证明</source>
        <translation>Proof of guardianship</translation>
    </message>
    <message>
        <source>监护人电话</source>
        <translation>Guardian&apos;s phone</translation>
    </message>
    <message>
        <source>户口簿</source>
        <translation>Household register</translation>
    </message>
    <message>
        <source>本笔由中心集中制卡：申请人可到本网点领取，或由EMS邮寄到家（到付以当地规定为准）。</source>
        <translation>This card is made by central production: the applicant can collect it at this branch or have it sent home by EMS (postage as per local rules).</translation>
    </message>
    <message>
        <source>网点领取（制成后到本网点领卡）(Alt+1)</source>
        <translation>Collect at branch (once made) (Alt+1)</translation>
    </message>
    <message>
        <source>EMS邮寄到家 (Alt+2)</source>
        <translation>EMS home delivery (Alt+2)</translation>
    </message>
    <message>
        <source>邮寄地址</source>
        <translation>Postal address</translation>
    </message>
    <message>
        <source>收&#x3000;件&#x3000;人</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>收件人电话</source>
        <translation>Recipient&apos;s phone</translation>
    </message>
    <message>
        <source>请与申请人（监护人）逐项核对。核对无误后提交；提交失败时已录入的内容全部保留。</source>
        <translation>Check each item with the applicant (guardian), then submit; if submission fails, everything entered is kept.</translation>
    </message>
    <message>
        <source>提交申领 (Ctrl+Enter)</source>
        <translation>Submit application (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>监护人</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <source>监护人身份证</source>
        <translation>Guardian&apos;s ID card</translation>
    </message>
    <message>
        <source>即时制卡</source>
        <translation>Instant issuance</translation>
    </message>
    <message>
        <source>集中制卡</source>
        <translation>Central production</translation>
    </message>
    <message>
        <source>领卡方式</source>
        <translation>Collection</translation>
    </message>
    <message>
        <source>网点即时领卡</source>
        <translation>Instant at branch</translation>
    </message>
    <message>
        <source>网点领取</source>
        <translation>Collect at branch</translation>
    </message>
    <message>
        <source>EMS邮寄</source>
        <translation>EMS delivery</translation>
    </message>
    <message>
        <source>收件人</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>照片检查</source>
        <translation>Photo check</translation>
    </message>
    <message>
        <source>全部通过</source>
        <translation>All passed</translation>
    </message>
    <message>
        <source>人工放行：{0}</source>
        <translation>Manually approved: {0}</translation>
    </message>
    <message>
        <source>专线中断：提交后本笔申领在本柜台受理并暂存，线路恢复后自动上传中心。</source>
        <translation>Dedicated line down: the application is accepted and held at this counter, and uploaded to the central system automatically when the line is back.</translation>
    </message>
    <message>
        <source>专线正常：提交后立即上传中心系统。</source>
        <translation>Dedicated line up: the application is uploaded to the central system on submission.</translation>
    </message>
    <message>
        <source>请打印申领登记表交申请人（监护人）核对签名，并将业务回执交申请人留存。</source>
        <translation>Print the application form for the applicant (guardian) to check and sign, and give the applicant the receipt.</translation>
    </message>
    <message>
        <source>申请编号&#x3000;{0}</source>
        <translation>Application no. {0}</translation>
    </message>
    <message>
        <source>已受理，暂存待上传。</source>
        <translation>Accepted, held pending upload.</translation>
    </message>
    <message>
        <source>&lt;br&gt;单据上印有“待上传”标记。</source>
        <translation>&lt;br&gt;The documents are marked “pending upload”.</translation>
    </message>
    <message>
        <source>已提交中心系统 {0}</source>
        <translation>Submitted to the central system {0}</translation>
    </message>
    <message>
        <source>导入照片（JPEG 或 PNG）</source>
        <translation>Import photo (JPEG or PNG)</translation>
    </message>
    <message>
        <source>照片 (*.jpg *.jpeg *.png)</source>
        <translation>Photos (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{0}; font-weight:bold&apos;&gt;✓ 已读取身份证&lt;/span&gt;&#x3000;{1}&#x3000;{2}</source>
        <translation>&lt;span style=&apos;color:{0}; font-weight:bold&apos;&gt;✓ ID card read&lt;/span&gt;  {1}  {2}</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{0}&apos;&gt;手工录入的号码，请核对持卡人证件原件。&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:{0}&apos;&gt;Number entered by hand: check it against the cardholder&apos;s original ID document.&lt;/span&gt;</translation>
    </message>
    <message>
        <source>正在读取身份证…</source>
        <translation>Reading ID card…</translation>
    </message>
    <message>
        <source>查询卡片</source>
        <translation>Look up card</translation>
    </message>
    <message>
        <source>系统向中心查询持卡人的社保卡及社保、金融两项功能的状态。</source>
        <translation>Queries the central system for the cardholder&apos;s social security card and the state of its social security and financial functions.</translation>
    </message>
    <message>
        <source>重新查询 (F5)</source>
        <translation>Query again (F5)</translation>
    </message>
    <message>
        <source>读取社保卡 (F3)</source>
        <translation>Read card (F3)</translation>
    </message>
    <message>
        <source>专线中断且无卡时，按持卡人提供的卡号录入</source>
        <translation>With the dedicated line down and no card, enter the card number the cardholder gives</translation>
    </message>
    <message>
        <source>社保卡号</source>
        <translation>Card number</translation>
    </message>
    <message>
        <source>读卡器：{0}</source>
        <translation>Card reader: {0}</translation>
    </message>
    <message>
        <source>本柜台未配置社保卡读卡器</source>
        <translation>No card reader configured at this counter</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:{0}&apos;&gt;专线中断，无法向中心查询卡片状态。</source>
        <translation>&lt;p style=&apos;color:{0}&apos;&gt;Dedicated line down: the card state cannot be queried from the central system.</translation>
    </message>
    <message>
        <source>正式挂失可先受理并暂存，线路恢复后优先上传：请读取持卡人的社保卡，或录入卡号。</source>
        <translation>A formal loss report can be accepted and held, and is uploaded first when the line is back: read the cardholder&apos;s social security card or enter the card number.</translation>
    </message>
    <message>
        <source>发卡银行</source>
        <translation>Issuing bank</translation>
    </message>
    <message>
        <source>卡片状态</source>
        <translation>Card state</translation>
    </message>
    <message>
        <source>社保功能</source>
        <translation>Social security function</translation>
    </message>
    <message>
        <source>金融功能</source>
        <translation>Financial function</translation>
    </message>
    <message>
        <source>{0}（有效至 {1:%Y-%m-%d %H:%M}）</source>
        <translation>{0} (valid until {1:%Y-%m-%d %H:%M})</translation>
    </message>
    <message>
        <source>补卡</source>
        <translation>Card replacement</translation>
    </message>
    <message>
        <source>已申请补卡</source>
        <translation>Replacement applied for</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>待中心确认（专线中断）</source>
        <translation>Awaiting central confirmation (line down)</translation>
    </message>
    <message>
        <source>读卡</source>
        <translation>Card read</translation>
    </message>
    <message>
        <source>✓ 已读取持卡人的社保卡</source>
        <translation>✓ Cardholder&apos;s social security card read</translation>
    </message>
    <message>
        <source>读取的卡片与查询到的卡片不一致</source>
        <translation>The card read does not match the card found</translation>
    </message>
    <message>
        <source>正在向中心查询卡片…</source>
        <translation>Querying the central system for the card…</translation>
    </message>
    <message>
        <source>正在读取社保卡…</source>
        <translation>Reading social security card…</translation>
    </message>
    <message>
        <source>选择功能并办理</source>
        <translation>Choose functions and process</translation>
    </message>
    <message>
        <source>两项功能分别办理：只有当前状态允许的办理项可以勾选，不可办理的写明了原因。</source>
        <translation>The two functions are handled separately: only actions allowed in the current state can be ticked; the others show why not.</translation>
    </message>
    <message>
        <source>确认办理 (F9)</source>
        <translation>Confirm (F9)</translation>
    </message>
    <message>
        <source>选择功能并办理 · {0}</source>
        <translation>Choose functions and process · {0}</translation>
    </message>
    <message>
        <source>（当前：{0}）</source>
        <translation> (now: {0})</translation>
    </message>
    <message>
        <source>（当前状态待中心确认）</source>
        <translation> (state awaiting central confirmation)</translation>
    </message>
    <message>
        <source>确认{0} (F9)</source>
        <translation>Confirm {0} (F9)</translation>
    </message>
    <message>
        <source>打印回执</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <source>请将业务回执交持卡人留存。</source>
        <translation>Give the receipt to the cardholder to keep.</translation>
    </message>
    <message>
        <source>业务回执</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>另存为PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>办理下一笔 (Ctrl+N)</source>
        <translation>Next customer (Ctrl+N)</translation>
    </message>
    <message>
        <source>业务编号&#x3000;{0}</source>
        <translation>Business no. {0}</translation>
    </message>
    <message>
        <source>{0} · 卡号 {1}&#x3000;</source>
        <translation>{0} · Card no. {1}  </translation>
    </message>
    <message>
        <source>&lt;br&gt;回执上印有“待上传”标记，请告知持卡人挂失待上传中心后生效。</source>
        <translation>&lt;br&gt;The receipt is marked “pending upload”: tell the cardholder the loss report takes effect once uploaded to the central system.</translation>
    </message>
    <message>
        <source>挂失 / 解挂</source>
        <translation>Report / cancel loss</translation>
    </message>
    <message>
        <source>请至少选择一项功能。</source>
        <translation>Choose at least one function.</translation>
    </message>
    <message>
        <source>正在办理{0}…</source>
        <translation>Processing {0}…</translation>
    </message>
    <message>
        <source>另存为PDF（回执）</source>
        <translation>Save as PDF (receipt)</translation>
    </message>
    <message>
        <source>预览回执</source>
        <translation>Preview receipt</translation>
    </message>
    <message>
        <source>读取身份证</source>
        <translation>Read ID card</translation>
    </message>
    <message>
        <source>下一步（查询卡片）</source>
        <translation>Next (look up card)</translation>
    </message>
    <message>
        <source>下一步（选择功能）</source>
        <translation>Next (choose functions)</translation>
    </message>
    <message>
        <source>确认正式挂失</source>
        <translation>Confirm formal loss report</translation>
    </message>
    <message>
        <source>办理下一笔</source>
        <translation>Next customer</translation>
    </message>
    <message>
        <source>读取社保卡</source>
        <translation>Read card</translation>
    </message>
    <message>
        <source>确认解除挂失</source>
        <translation>Confirm cancelling loss report</translation>
    </message>
    <message>
        <source>确认正式挂失（暂存）</source>
        <translation>Confirm formal loss report (held)</translation>
    </message>
    <message>
        <source>请持卡人在密码键盘上依次输入：原密码、新密码、再次输入新密码。</source>
        <translation>Ask the cardholder to enter on the PIN pad: the old PIN, the new PIN, then the new PIN again.</translation>
    </message>
    <message>
        <source>请持卡人在密码键盘上输入新密码两次（社保功能）；柜员屏幕不显示密码。</source>
        <translation>Ask the cardholder to enter the new PIN twice on the PIN pad (social security function); the teller&apos;s screen never shows it.</translation>
    </message>
    <message>
        <source>请选择服务，将持卡人的居民身份证放在阅读器上按 F2 读取；密码重置须读取身份证。</source>
        <translation>Choose the service, place the cardholder&apos;s resident ID card on the reader and press F2; a PIN reset requires reading the ID card.</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{0}&apos;&gt;手工录入的号码，请核对证件原件（密码重置须读取身份证）。&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:{0}&apos;&gt;Number entered by hand: check the original ID document (a PIN reset requires reading the ID card).&lt;/span&gt;</translation>
    </message>
    <message>
        <source>请将持卡人的社保卡插入读卡器：芯片中的信息与有效期，及中心登记的社保、金融两项功能状态。</source>
        <translation>Insert the cardholder&apos;s social security card in the card reader: the chip&apos;s data and validity, and the state of both functions on record at the central system.</translation>
    </message>
    <message>
        <source>姓名（芯片）</source>
        <translation>Name (chip)</translation>
    </message>
    <message>
        <source>有效期（芯片）</source>
        <translation>Validity (chip)</translation>
    </message>
    <message>
        <source>{0} 至 {1}</source>
        <translation>{0} to {1}</translation>
    </message>
    <message>
        <source>（已过期）</source>
        <translation> (expired)</translation>
    </message>
    <message>
        <source>（有效）</source>
        <translation> (valid)</translation>
    </message>
    <message>
        <source>规范版本</source>
        <translation>Spec version</translation>
    </message>
    <message>
        <source>中心状态</source>
        <translation>Central state</translation>
    </message>
    <message>
        <source>专线中断，暂无法查询</source>
        <translation>Dedicated line down, cannot query now</translation>
    </message>
    <message>
        <source>办理</source>
        <translation>Process</translation>
    </message>
    <message>
        <source>办理 (F9)</source>
        <translation>Process (F9)</translation>
    </message>
    <message>
        <source>办理 · {0}</source>
        <translation>Process · {0}</translation>
    </message>
    <message>
        <source>密码只在密码键盘上输入，柜员屏幕不显示、系统不记录。</source>
        <translation>The PIN is entered only on the PIN pad; the teller&apos;s screen never shows it and the system never records it.</translation>
    </message>
    <message>
        <source>（{0}）</source>
        <translation> ({0})</translation>
    </message>
    <message>
        <source>&#x3000;本柜台未配置密码键盘。</source>
        <translation> No PIN pad configured at this counter.</translation>
    </message>
    <message>
        <source>系统向中心读取最新登记信息，与芯片比对后写入有变化的项目（姓名、民族），写后读回核对。请勿在写卡过程中拔卡。</source>
        <translation>The system reads the latest record from the central system, compares it with the chip and writes the changed items (name, ethnicity), then reads them back to check. Do not remove the card while writing.</translation>
    </message>
    <message>
        <source>读卡查询已完成，无需办理。可返回查询其他持卡人。</source>
        <translation>Card query complete, nothing to process. You can go back to query another cardholder.</translation>
    </message>
    <message>
        <source>写卡 (F9)</source>
        <translation>Write card (F9)</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>请申请人正对镜头、白色背景、免冠、双眼平视，按 F5 拍照；或按 F4 导入数码照片/扫描件（仅 JPEG、PNG）。照片自动裁切为 358×441 像素并逐项检查。</source>
        <translation>Have the applicant face the camera, white background, no headwear, eyes level, and press F5; or press F4 to import a digital photo or scan (JPEG, PNG only). The photo is cropped to 358×441 pixels and checked item by item.</translation>
    </message>
    <message>
        <source>摄像头未打开</source>
        <translation>Camera not open</translation>
    </message>
    <message>
        <source>拍照 (F5)</source>
        <translation>Take photo (F5)</translation>
    </message>
    <message>
        <source>从文件导入… (F4)</source>
        <translation>Import from file… (F4)</translation>
    </message>
    <message>
        <source>尚未采集</source>
        <translation>Not captured yet</translation>
    </message>
    <message>
        <source>人工放行（须填写理由，记入审计日志）</source>
        <translation>Manual approval (reason required, written to the audit log)</translation>
    </message>
    <message>
        <source>理由，如：申请人面部特征导致检测偏差，人工核对合格</source>
        <translation>Reason, e.g. facial features upset detection; checked by hand</translation>
    </message>
    <message>
        <source>放行</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>摄像头：{0}</source>
        <translation>Camera: {0}</translation>
    </message>
    <message>
        <source>正在打开摄像头…</source>
        <translation>Opening camera…</translation>
    </message>
    <message>
        <source>正在拍照并检查照片…</source>
        <translation>Taking and checking photo…</translation>
    </message>
    <message>
        <source>正在导入并检查照片…</source>
        <translation>Importing and checking photo…</translation>
    </message>
    <message>
        <source>{0}（已人工放行）</source>
        <translation>{0} (manually approved)</translation>
    </message>
    <message>
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>照片检查全部通过</source>
        <translation>Photo passed all checks</translation>
    </message>
    <message>
        <source>照片未通过检查</source>
        <translation>Photo failed the checks</translation>
    </message>
    <message>
        <source>正在记录人工放行…</source>
        <translation>Recording manual approval…</translation>
    </message>
    <message>
        <source>密码及卡片服务</source>
        <translation>PIN and card services</translation>
    </message>
    <message>
        <source>正在写卡并读回核对…</source>
        <translation>Writing card and reading back…</translation>
    </message>
    <message>
        <source>请持卡人在密码键盘上输入密码…</source>
        <translation>Cardholder entering PIN on the PIN pad…</translation>
    </message>
    <message>
        <source>正在生成回执…</source>
        <translation>Generating receipt…</translation>
    </message>
    <message>
        <source>业务回执-{0}.pdf</source>
        <translation>receipt-{0}.pdf</translation>
    </message>
    <message>
        <source>业务回执已保存为 {0}</source>
        <translation>Receipt saved as {0}</translation>
    </message>
    <message>
        <source>业务回执保存失败（{0}），请换一个位置。</source>
        <translation>Could not save the receipt ({0}); choose another location.</translation>
    </message>
    <message>
        <source>正在保存PDF…</source>
        <translation>Saving PDF…</translation>
    </message>
    <message>
        <source>下一步（读取社保卡）</source>
        <translation>Next (read card)</translation>
    </message>
    <message>
        <source>下一步（办理）</source>
        <translation>Next (process)</translation>
    </message>
    <message>
        <source>修改密码（原密码错误）</source>
        <translation>Change PIN (old PIN wrong)</translation>
    </message>
    <message>
        <source>密码重置解锁</source>
        <translation>PIN reset and unlock</translation>
    </message>
    <message>
        <source>修改密码</source>
        <translation>Change PIN</translation>
    </message>
    <message>
        <source>写卡</source>
        <translation>Write card</translation>
    </message>
    <message>
        <source>请将申请人的居民身份证放在阅读器上，按 F2 读取；无法读卡时手工录入号码并核对证件原件。核验他人出示的参保证明请按 F9。</source>
        <translation>Place the applicant&apos;s resident ID card on the reader and press F2; if it cannot be read, enter the number by hand and check the original document. To verify a contribution certificate someone presents, press F9.</translation>
    </message>
    <message>
        <source>核验参保证明 (F9)</source>
        <translation>Verify certificate (F9)</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{0}&apos;&gt;手工录入的号码，请核对证件原件。&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:{0}&apos;&gt;Number entered by hand: check the original ID document.&lt;/span&gt;</translation>
    </message>
    <message>
        <source>选择证明险种和缴费明细期间（最多近48个月），点击“出具参保证明”：证明由中心系统出具，授权码和二维码由中心生成，需实时联网。</source>
        <translation>Choose the insurance types and the contribution period (up to the last 48 months) and click “Issue certificate”: the central system issues it with its authorisation code and QR code, so it needs the line up.</translation>
    </message>
    <message>
        <source>近{0}个月</source>
        <translation>Last {0} months</translation>
    </message>
    <message>
        <source>证明险种</source>
        <translation>Insurance types</translation>
    </message>
    <message>
        <source>缴费明细期间</source>
        <translation>Contribution period</translation>
    </message>
    <message>
        <source>证明上最多打印近48个月的缴费明细</source>
        <translation>The certificate lists at most the last 48 months of contributions</translation>
    </message>
    <message>
        <source>出具参保证明 (F5)</source>
        <translation>Issue certificate (F5)</translation>
    </message>
    <message>
        <source>证明已由中心系统出具。请打印交申请人；再次打印为补打，证明上标明“补打”。</source>
        <translation>The central system has issued the certificate. Print it for the applicant; printing again is a reprint and is marked “Reprint”.</translation>
    </message>
    <message>
        <source>预览 (F6)</source>
        <translation>Preview (F6)</translation>
    </message>
    <message>
        <source>打印 (F7)</source>
        <translation>Print (F7)</translation>
    </message>
    <message>
        <source>另存为PDF (F8)</source>
        <translation>Save as PDF (F8)</translation>
    </message>
    <message>
        <source>授权码&#x3000;{0}</source>
        <translation>Authorisation code {0}</translation>
    </message>
    <message>
        <source>中心系统已出具参保证明（{0}，近{1}个月）。</source>
        <translation>The central system has issued the contribution certificate ({0}, last {1} months).</translation>
    </message>
    <message>
        <source>已打印 {0} 次，再次打印将标明“补打”。</source>
        <translation>Printed {0} time(s); printing again is marked “Reprint”.</translation>
    </message>
    <message>
        <source>补打 (F7)</source>
        <translation>Reprint (F7)</translation>
    </message>
    <message>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>{0}&#x3000;{1}</source>
        <translation>{0}  {1}</translation>
    </message>
    <message>
        <source>{0}（{1}个月）</source>
        <translation>{0} ({1} months)</translation>
    </message>
    <message>
        <source>出具时间</source>
        <translation>Issued at</translation>
    </message>
    <message>
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>{0:%Y-%m-%d}（三个月内有效）</source>
        <translation>{0:%Y-%m-%d} (valid for three months)</translation>
    </message>
    <message>
        <source>核验参保证明</source>
        <translation>Verify contribution certificate</translation>
    </message>
    <message>
        <source>输入证明上印的授权码，或用扫码枪扫描证明上的二维码，按回车核验。证明真伪只以中心系统的核验结果为准，需实时联网。</source>
        <translation>Enter the authorisation code printed on the certificate, or scan its QR code, and press Enter. Only the central system&apos;s answer decides whether it is genuine, so the line must be up.</translation>
    </message>
    <message>
        <source>16位授权码或二维码内容</source>
        <translation>16-character code or QR content</translation>
    </message>
    <message>
        <source>授权码</source>
        <translation>Authorisation code</translation>
    </message>
    <message>
        <source>核验 (Enter)</source>
        <translation>Verify (Enter)</translation>
    </message>
    <message>
        <source>返回出具证明 (Esc)</source>
        <translation>Back to issuing (Esc)</translation>
    </message>
    <message>
        <source>正在向中心系统核验…</source>
        <translation>Verifying with the central system…</translation>
    </message>
    <message>
        <source>&lt;/table&gt;&lt;p style=&apos;margin-top:10px&apos;&gt;请核对证明上的姓名、证件号码、险种、期间和授权码与以上结果一致。打印次数多于证明上标注的次数时，说明另有补打件，以最新打印件为准。&lt;/p&gt;</source>
        <translation>&lt;/table&gt;&lt;p style=&apos;margin-top:10px&apos;&gt;Check that the name, ID number, insurance types, period and authorisation code on the certificate match the above. If it was printed more times than the certificate states, a reprint exists and the latest print prevails.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>参保证明打印</source>
        <translation>Contribution certificate</translation>
    </message>
    <message>
        <source>申请人放弃办理</source>
        <translation>Applicant withdrew</translation>
    </message>
    <message>
        <source>材料不全，改日再办</source>
        <translation>Documents incomplete, another day</translation>
    </message>
    <message>
        <source>录入有误，重新办理</source>
        <translation>Entered wrongly, start again</translation>
    </message>
    <message>
        <source>其他原因</source>
        <translation>Other reason</translation>
    </message>
    <message>
        <source>未完成的申领</source>
        <translation>Unfinished applications</translation>
    </message>
    <message>
        <source>以下申领尚未提交，已录入的内容均已保存。请选择继续办理，或放弃后新建。</source>
        <translation>These applications have not been submitted; everything entered is saved. Continue one, or discard it and start a new one.</translation>
    </message>
    <message>
        <source>继续办理 (Enter)</source>
        <translation>Continue (Enter)</translation>
    </message>
    <message>
        <source>放弃所选</source>
        <translation>Discard selected</translation>
    </message>
    <message>
        <source>新建申领 (Ctrl+N)</source>
        <translation>New application (Ctrl+N)</translation>
    </message>
    <message>
        <source>{0}&#x3000;&#x3000;最后保存于 {1:%m-%d %H:%M}</source>
        <translation>{0}  last saved {1:%m-%d %H:%M}</translation>
    </message>
    <message>
        <source>社保卡申领</source>
        <translation>Card application</translation>
    </message>
    <message>
        <source>正在查找未完成的申领…</source>
        <translation>Looking for unfinished applications…</translation>
    </message>
    <message>
        <source>系统正在处理本笔业务，请稍候完成后再操作。</source>
        <translation>The system is still processing this business; wait until it finishes.</translation>
    </message>
    <message>
        <source>已恢复未完成的申领，之前录入的内容均已保留。</source>
        <translation>Unfinished application restored; everything entered before is kept.</translation>
    </message>
    <message>
        <source>正在恢复草稿…</source>
        <translation>Restoring draft…</translation>
    </message>
    <message>
        <source>正在放弃草稿…</source>
        <translation>Discarding draft…</translation>
    </message>
    <message>
        <source>放弃本笔申领</source>
        <translation>Discard this application</translation>
    </message>
    <message>
        <source>放弃原因（记入审计日志）：</source>
        <translation>Reason for discarding (written to the audit log):</translation>
    </message>
    <message>
        <source>正在放弃本笔…</source>
        <translation>Discarding…</translation>
    </message>
    <message>
        <source>当场制卡 (F12)</source>
        <translation>Make card now (F12)</translation>
    </message>
    <message>
        <source>申请人：尚未识别</source>
        <translation>Applicant: not identified yet</translation>
    </message>
    <message>
        <source>申请人：{0}</source>
        <translation>Applicant: {0}</translation>
    </message>
    <message>
        <source>提交前还需修改：</source>
        <translation>Correct before submitting:</translation>
    </message>
    <message>
        <source>中心系统未受理：{0}（{1}）已录入的内容全部保留，请修改后重新提交。</source>
        <translation>The central system refused: {0} ({1}). Everything entered is kept; correct it and submit again.</translation>
    </message>
    <message>
        <source> 已录入的内容全部保留，可重新提交。</source>
        <translation> Everything entered is kept; you can submit again.</translation>
    </message>
    <message>
        <source>正在提交申领…</source>
        <translation>Submitting application…</translation>
    </message>
    <message>
        <source>正在生成登记表和回执…</source>
        <translation>Generating form and receipt…</translation>
    </message>
    <message>
        <source>本机没有可用的打印机，{0}未打印。请“另存为PDF”后到可打印的电脑打印，或联系网点技术支持检查打印机。</source>
        <translation>No printer available on this PC; the {0} was not printed. Use “Save as PDF” and print on a PC that can, or ask branch IT support to check the printer.</translation>
    </message>
    <message>
        <source>{0}已发送到打印机“{1}”（{2} 页）。</source>
        <translation>{0} sent to printer “{1}” ({2} page(s)).</translation>
    </message>
    <message>
        <source>{0}已保存为 {1}</source>
        <translation>{0} saved as {1}</translation>
    </message>
    <message>
        <source>{0}保存失败（{1}），请换一个位置或联系网点技术支持。</source>
        <translation>Could not save the {0} ({1}); choose another location or ask branch IT support.</translation>
    </message>
    <message>
        <source>正在记录…</source>
        <translation>Recording…</translation>
    </message>
    <message>
        <source>申领登记表</source>
        <translation>Application form</translation>
    </message>
    <message>
        <source>正在向中心系统申请出具证明…</source>
        <translation>Requesting the certificate from the central system…</translation>
    </message>
    <message>
        <source>正在生成证明…</source>
        <translation>Generating certificate…</translation>
    </message>
    <message>
        <source>参保证明</source>
        <translation>Contribution certificate</translation>
    </message>
    <message>
        <source>本机没有可用的打印机，证明未打印（未计入打印次数）。请“另存为PDF”后打印，或联系网点技术支持检查打印机。</source>
        <translation>No printer available on this PC; the certificate was not printed (not counted). Use “Save as PDF” and print it, or ask branch IT support to check the printer.</translation>
    </message>
    <message>
        <source> 可再次打印（将标明补打）。</source>
        <translation> You can print again (marked as a reprint).</translation>
    </message>
    <message>
        <source>参保证明已发送到打印机“{0}”（{1} 页）。</source>
        <translation>Contribution certificate sent to printer “{0}” ({1} page(s)).</translation>
    </message>
    <message>
        <source>参保证明-{0}.pdf</source>
        <translation>certificate-{0}.pdf</translation>
    </message>
    <message>
        <source>参保证明已保存为 {0}</source>
        <translation>Contribution certificate saved as {0}</translation>
    </message>
    <message>
        <source>保存失败：{0}</source>
        <translation>Save failed: {0}</translation>
    </message>
    <message>
        <source>核验授权码</source>
        <translation>Verify code</translation>
    </message>
    <message>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>出具参保证明</source>
        <translation>Issue certificate</translation>
    </message>
    <message>
        <source>打印（原件）</source>
        <translation>Print (original)</translation>
    </message>
    <message>
        <source>补打</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <source>核验参保证明（F9）</source>
        <translation>Verify certificate (F9)</translation>
    </message>
    <message>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>无需证明</source>
        <translation>No proof needed</translation>
    </message>
    <message>
        <source>须核验档案等原始记录</source>
        <translation>Original records (e.g. files) must be checked</translation>
    </message>
    <message>
        <source>须读取身份证并提供公安或法院证明</source>
        <translation>ID card must be read, with a police or court document</translation>
    </message>
    <message>
        <source>信息变更写卡属于“密码及卡片服务”，该业务尚在建设中，本柜台暂不能写卡：芯片内信息暂与变更后信息不一致，不影响社保卡使用；写卡功能开放后可到网点办理。</source>
        <translation>Writing changed data to the card belongs to “PIN and card services”, which is still being built, so this counter cannot write cards yet: the chip&apos;s data differs from the changed data for now, which does not affect using the card; it can be done at a branch once card writing is available.</translation>
    </message>
    <message>
        <source>补卡/换卡业务在本系统中尚在建设中，请按现行流程为本人办理换卡，或告知本人到发卡银行网点办理。</source>
        <translation>Card replacement/exchange is still being built in this system: exchange the card by the current procedure, or tell the person to go to a branch of the issuing bank.</translation>
    </message>
    <message>
        <source>核验身份</source>
        <translation>Verify identity</translation>
    </message>
    <message>
        <source>将本人的居民身份证放在阅读器上按 F2 读取；无法读卡时录入号码（核对原件）。姓名、身份证号码、性别的变更必须读取身份证。</source>
        <translation>Place the person&apos;s resident ID card on the reader and press F2; if it cannot be read, enter the number (check the original). Changing name, ID number or sex requires reading the ID card.</translation>
    </message>
    <message>
        <source>变更内容</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>只填写要变更的项目，其余留空。每项右侧注明所需的证明。</source>
        <translation>Fill in only the items to change and leave the rest empty. The proof each needs is shown on its right.</translation>
    </message>
    <message>
        <source>（不变更）</source>
        <translation>(no change)</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{0}&apos;&gt;专线中断，无法向中心查询本人信息：只能办理联系电话、地址、学历、婚姻状况的变更（暂存，线路恢复后上传）。&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:{0}&apos;&gt;Dedicated line down, the person&apos;s record cannot be queried: only phone, address, education and marital status can be changed (held, uploaded when the line is back).&lt;/span&gt;</translation>
    </message>
    <message>
        <source>中心登记信息：姓名 &lt;b&gt;{0}&lt;/b&gt;&#x3000;性别 {1}&#x3000;出生日期 {2}</source>
        <translation>Central record: name &lt;b&gt;{0}&lt;/b&gt;  sex {1}  date of birth {2}</translation>
    </message>
    <message>
        <source>证明材料</source>
        <translation>Proof</translation>
    </message>
    <message>
        <source>请核验下列证明材料原件，勾选已核验的记录；身份信息变更须录入证明文书的编号。</source>
        <translation>Check the originals of the proof below and tick the records checked; identity changes need the document&apos;s number.</translation>
    </message>
    <message>
        <source>{0}：已核验以下原始记录（至少一项）</source>
        <translation>{0}: original records checked (at least one)</translation>
    </message>
    <message>
        <source>证明或判决书上的编号（文号）</source>
        <translation>Number on the certificate or judgement</translation>
    </message>
    <message>
        <source>证明编号</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{0}; font-weight:bold&apos;&gt;✓ 已读取本人身份证&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:{0}; font-weight:bold&apos;&gt;✓ Person&apos;s ID card read&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{0}; font-weight:bold&apos;&gt;✗ 未读取身份证（手工录入的号码不能办理）&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:{0}; font-weight:bold&apos;&gt;✗ ID card not read (a number entered by hand is not enough)&lt;/span&gt;</translation>
    </message>
    <message>
        <source>确认提交</source>
        <translation>Confirm and submit</translation>
    </message>
    <message>
        <source>请与本人逐项核对变更内容，确认后提交中心系统。</source>
        <translation>Check each change with the person, then submit to the central system.</translation>
    </message>
    <message>
        <source>确认变更 (F9)</source>
        <translation>Confirm changes (F9)</translation>
    </message>
    <message>
        <source>已核验记录</source>
        <translation>Records checked</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>{0}（编号 {1}）</source>
        <translation>{0} (no. {1})</translation>
    </message>
    <message>
        <source>变更姓名或身份证号码后，持有社会保障卡的须换发新卡（中心确认后提示）。</source>
        <translation>After a change of name or ID number, a cardholder must get a new card (prompted once the central system confirms).</translation>
    </message>
    <message>
        <source>转到补卡/换卡 (F7)</source>
        <translation>Go to replacement/exchange (F7)</translation>
    </message>
    <message>
        <source>转到信息变更写卡 (F6)</source>
        <translation>Go to write changes to card (F6)</translation>
    </message>
    <message>
        <source>社保卡芯片内的信息与变更后不一致：按 F6 转到“密码及卡片服务”，选择“信息变更写卡”，读取本人身份证和社保卡后写卡。</source>
        <translation>The card&apos;s chip no longer matches the changed data: press F6 to go to “PIN and card services”, choose “Write changes to card”, read the person&apos;s ID card and card, then write.</translation>
    </message>
    <message>
        <source>本次变更的信息不写入社保卡芯片，无需写卡。</source>
        <translation>These changes are not stored on the card&apos;s chip; no card writing needed.</translation>
    </message>
    <message>
        <source>参保信息变更</source>
        <translation>Insured data change</translation>
    </message>
    <message>
        <source>正在提交信息变更…</source>
        <translation>Submitting changes…</translation>
    </message>
    <message>
        <source>参保人：{0}</source>
        <translation>Insured person: {0}</translation>
    </message>
    <message>
        <source>错误：{0}</source>
        <extracomment>the last word on updates (staged, refused, rolled back), for the next status bar</extracomment>
        <translation>Error: {0}</translation>
    </message>
    <message>
        <source>截图已保存 / screenshot saved: {0}</source>
        <translation>Screenshot saved: {0}</translation>
    </message>
    <message>
        <source>检查更新未完成：{0}</source>
        <translation>Update check not completed: {0}</translation>
    </message>
    <message>
        <source>社会保障卡柜面业务系统</source>
        <translation>Social Security Card Counter System</translation>
    </message>
    <message>
        <source>系统内部错误，操作未完成。请重试；如反复出现，请联系网点技术支持。</source>
        <translation>Internal error; the operation did not complete. Try again; if it keeps happening, contact branch IT support.</translation>
    </message>
    <message>
        <source>{0} - 登录</source>
        <translation>{0} - Sign in</translation>
    </message>
    <message>
        <source>{0}
{1}
{2} · 柜台 {3} · 网点号 {4}</source>
        <translation>{0}
{1}
{2} · Counter {3} · Branch {4}</translation>
    </message>
    <message>
        <source>宁波市人力资源和社会保障局 · 合作银行网点</source>
        <translation>Ningbo HRSS Bureau · Partner bank branch</translation>
    </message>
    <message>
        <source>本机尚无可登录的账户。请为系统管理员账户 {0} 设置密码（至少8位，须同时包含字母和数字），设置后用它登录并为柜员开户。</source>
        <translation>This PC has no account to sign in with yet. Set a password for the administrator account {0} (at least 8 characters, letters and digits), then sign in with it and create the tellers&apos; accounts.</translation>
    </message>
    <message>
        <source>演示环境账号：
</source>
        <translation>Demo accounts:
</translation>
    </message>
    <message>
        <source>&#x3000;{0}&#x3000;{1} / {2}</source>
        <translation>  {0}  {1} / {2}</translation>
    </message>
    <message>
        <source>无法登录</source>
        <translation>Cannot sign in</translation>
    </message>
    <message>
        <source>柜员登录</source>
        <translation>Teller sign-in</translation>
    </message>
    <message>
        <source>请输入柜员号</source>
        <translation>Enter teller ID</translation>
    </message>
    <message>
        <source>请输入密码</source>
        <translation>Enter password</translation>
    </message>
    <message>
        <source>柜员号</source>
        <translation>Teller ID</translation>
    </message>
    <message>
        <source>密&#x3000;码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>登&#x3000;录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>首次使用：设置系统管理员密码</source>
        <translation>First use: set the administrator password</translation>
    </message>
    <message>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>确认密码</source>
        <translation>Confirm password</translation>
    </message>
    <message>
        <source>设置密码</source>
        <translation>Set password</translation>
    </message>
    <message>
        <source>正在启动…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <source>正在登录…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <source>两次输入的密码不一致，请重新输入。</source>
        <translation>The two passwords differ; enter them again.</translation>
    </message>
    <message>
        <source>请将本人的居民身份证放在阅读器上，按 F2 读取；无法读卡时手工录入号码并核对证件原件，按回车查询。查询须实时连接中心系统。</source>
        <translation>Place the person&apos;s resident ID card on the reader and press F2; if it cannot be read, enter the number by hand, check the original and press Enter. Queries need the central system online.</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{0}; font-weight:bold&apos;&gt;✓ 已读取身份证&lt;/span&gt;&#x3000;{1}&#x3000;{2}&#x3000;按回车或“查询”开始查询。</source>
        <translation>&lt;span style=&apos;color:{0}; font-weight:bold&apos;&gt;✓ ID card read&lt;/span&gt;  {1}  {2}  Press Enter or “Query” to start.</translation>
    </message>
    <message>
        <source>以下为中心系统的实时记录，仅供本人核对，不作为参保证明（需要证明请办理“参保证明打印”）。可打印查询结果交本人。</source>
        <translation>Live records from the central system, for the person to check only; not a contribution certificate (for that, use “Contribution certificate”). The result can be printed for the person.</translation>
    </message>
    <message>
        <source>险种</source>
        <translation>Insurance</translation>
    </message>
    <message>
        <source>参保状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>参保单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>累计缴费月数</source>
        <translation>Months paid</translation>
    </message>
    <message>
        <source>年月</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>单位编号</source>
        <translation>Employer no.</translation>
    </message>
    <message>
        <source>{0}基数</source>
        <translation>{0} base</translation>
    </message>
    <message>
        <source>{0}个人</source>
        <translation>{0} personal</translation>
    </message>
    <message>
        <source>查询更早记录 (F4)</source>
        <translation>Earlier records (F4)</translation>
    </message>
    <message>
        <source>缴费记录</source>
        <translation>Contributions</translation>
    </message>
    <message>
        <source>卡号</source>
        <translation>Card no.</translation>
    </message>
    <message>
        <source>有效期</source>
        <translation>Validity</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>社保卡状态</source>
        <translation>Card status</translation>
    </message>
    <message>
        <source>申请编号</source>
        <translation>Application no.</translation>
    </message>
    <message>
        <source>业务</source>
        <translation>Business</translation>
    </message>
    <message>
        <source>制卡与领取方式</source>
        <translation>Production and collection</translation>
    </message>
    <message>
        <source>受理网点</source>
        <translation>Branch</translation>
    </message>
    <message>
        <source>受理日期</source>
        <translation>Accepted on</translation>
    </message>
    <message>
        <source>当前状态</source>
        <translation>Current state</translation>
    </message>
    <message>
        <source>进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>申领与制卡进度</source>
        <translation>Application and production progress</translation>
    </message>
    <message>
        <source>预览查询结果 (F6)</source>
        <translation>Preview result (F6)</translation>
    </message>
    <message>
        <source>打印查询结果 (F7)</source>
        <translation>Print result (F7)</translation>
    </message>
    <message>
        <source>查询下一位 (Ctrl+N)</source>
        <translation>Next person (Ctrl+N)</translation>
    </message>
    <message>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;&#x3000;{1}&#x3000;出生 {2}&#x3000;身份证 {3}&#x3000;{4}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;  {1}  born {2}  ID {3}  {4}</translation>
    </message>
    <message>
        <source>本市户籍</source>
        <translation>Local household registration</translation>
    </message>
    <message>
        <source>非本市户籍</source>
        <translation>Non-local household registration</translation>
    </message>
    <message>
        <source>&#x3000;&lt;span style=&apos;color:{0}&apos;&gt;（身份证已读取）&lt;/span&gt;</source>
        <translation> &lt;span style=&apos;color:{0}&apos;&gt;(ID card read)&lt;/span&gt;</translation>
    </message>
    <message>
        <source>参保缴费：</source>
        <translation>Contributing: </translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>当前无参保缴费险种</source>
        <translation>No insurance currently contributed to</translation>
    </message>
    <message>
        <source>；社保卡：{0}（{1}）</source>
        <translation>; card: {0} ({1})</translation>
    </message>
    <message>
        <source>；无在用社保卡</source>
        <translation>; no card in use</translation>
    </message>
    <message>
        <source>；在其他银行另有办理中的申领</source>
        <translation>; an application in progress at another bank</translation>
    </message>
    <message>
        <source>。</source>
        <translation>.</translation>
    </message>
    <message>
        <source>{0}个月</source>
        <translation>{0} months</translation>
    </message>
    <message>
        <source>中心系统中没有该人员的社会保障卡记录</source>
        <translation>The central system has no social security card for this person</translation>
    </message>
    <message>
        <source>其他合作银行</source>
        <translation>Other partner bank</translation>
    </message>
    <message>
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>该人员在其他银行另有办理中的申请，进度请到受理银行查询。</source>
        <translation>This person has an application in progress at another bank; ask that bank for its progress.</translation>
    </message>
    <message>
        <source>本行没有该人员的申领记录</source>
        <translation>This bank has no application for this person</translation>
    </message>
    <message>
        <source>社保卡状态（{0}）</source>
        <translation>Card status ({0})</translation>
    </message>
    <message>
        <source>申领与制卡进度（{0}）</source>
        <translation>Application and production progress ({0})</translation>
    </message>
    <message>
        <source>补打查询结果 (F7)</source>
        <translation>Reprint result (F7)</translation>
    </message>
    <message>
        <source>断缴</source>
        <translation>Gap</translation>
    </message>
    <message>
        <source>{0} 无缴费记录（{1}个月）</source>
        <translation>{0} no contributions ({1} months)</translation>
    </message>
    <message>
        <source>中心系统中该人员没有缴费记录。</source>
        <translation>The central system has no contributions for this person.</translation>
    </message>
    <message>
        <source>金额单位：元。已显示 {0} 至 {1}，共 {2} 个有记录的月份</source>
        <translation>Amounts in yuan. Showing {0} to {1}, {2} months with records</translation>
    </message>
    <message>
        <source>，其中断缴 {0} 个月</source>
        <translation>, of which {0} months unpaid</translation>
    </message>
    <message>
        <source>；更早的记录请按 F4 查询。</source>
        <translation>; press F4 for earlier records.</translation>
    </message>
    <message>
        <source>；已是全部缴费记录。</source>
        <translation>; these are all the contributions.</translation>
    </message>
    <message>
        <source>缴费记录（{0}个月{1}）</source>
        <translation>Contributions ({0} months{1})</translation>
    </message>
    <message>
        <source>社保信息查询</source>
        <translation>Insurance record query</translation>
    </message>
    <message>
        <source>查询 (Enter)</source>
        <translation>Query (Enter)</translation>
    </message>
    <message>
        <source>查询对象：尚未识别</source>
        <translation>Person: not identified yet</translation>
    </message>
    <message>
        <source>查询对象：{0}</source>
        <translation>Person: {0}</translation>
    </message>
    <message>
        <source>正在查询更早的缴费记录…</source>
        <translation>Querying earlier contributions…</translation>
    </message>
    <message>
        <source>正在生成查询结果…</source>
        <translation>Generating query result…</translation>
    </message>
    <message>
        <source>社保信息查询结果</source>
        <translation>Insurance record query result</translation>
    </message>
    <message>
        <source>本机没有可用的打印机，查询结果未打印。请“另存为PDF”后打印，或联系网点技术支持检查打印机。</source>
        <translation>No printer available on this PC; the result was not printed. Use “Save as PDF” and print it, or ask branch IT support to check the printer.</translation>
    </message>
    <message>
        <source>查询结果已发送到打印机“{0}”（{1} 页）。</source>
        <translation>Query result sent to printer “{0}” ({1} page(s)).</translation>
    </message>
    <message>
        <source>社保信息查询-{0}.pdf</source>
        <translation>insurance-query-{0}.pdf</translation>
    </message>
    <message>
        <source>查询结果已保存为 {0}</source>
        <translation>Query result saved as {0}</translation>
    </message>
    <message>
        <source>查询下一位</source>
        <translation>Next person</translation>
    </message>
    <message>
        <source>查询</source>
        <translation>Query</translation>
    </message>
    <message>
        <source>查询更早记录</source>
        <translation>Earlier records</translation>
    </message>
    <message>
        <source>预览查询结果</source>
        <translation>Preview result</translation>
    </message>
    <message>
        <source>线路恢复后再次查询</source>
        <translation>Query again when the line is back</translation>
    </message>
    <message>
        <source>另存为PDF（查询结果）</source>
        <translation>Save as PDF (query result)</translation>
    </message>
    <message>
        <source>本机没有可用的打印机，回执未打印。请“另存为PDF”后到可打印的电脑打印，或联系网点技术支持检查打印机。</source>
        <translation>No printer available on this PC; the receipt was not printed. Use “Save as PDF” and print on a PC that can, or ask branch IT support to check the printer.</translation>
    </message>
    <message>
        <source>业务回执 {0}</source>
        <translation>Receipt {0}</translation>
    </message>
    <message>
        <source>业务回执已发送到打印机“{0}”（{1} 页）。</source>
        <translation>Receipt sent to printer “{0}” ({1} page(s)).</translation>
    </message>
    <message>
        <source>磁盘已满</source>
        <translation>Disk full</translation>
    </message>
    <message>
        <source>业务回执保存失败（{0}），请换一个位置或联系网点技术支持。</source>
        <translation>Could not save the receipt ({0}); choose another location or ask branch IT support.</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{0}&apos;&gt;手工录入的号码 {1}，请核对本人身份证原件。&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:{0}&apos;&gt;Number {1} entered by hand: check the person&apos;s original ID card.&lt;/span&gt;</translation>
    </message>
    <message>
        <source>请将业务回执交本人留存。</source>
        <translation>Give the receipt to the person to keep.</translation>
    </message>
    <message>
        <source>&lt;br&gt;回执上印有“待上传”标记：请告知本人，上传中心后生效。</source>
        <translation>&lt;br&gt;The receipt is marked “pending upload”: tell the person it takes effect once uploaded to the central system.</translation>
    </message>
    <message>
        <source>正在提交…</source>
        <translation>Submitting…</translation>
    </message>
    <message>
        <source>已送达中心系统并生效（专线恢复后自动上传）。</source>
        <translation>Delivered to the central system and in effect (uploaded automatically when the line was back).</translation>
    </message>
    <message>
        <source>中心系统未受理：{0}（{1}）</source>
        <translation>The central system refused: {0} ({1})</translation>
    </message>
    <message>
        <source>参保类型与材料</source>
        <translation>Type and documents</translation>
    </message>
    <message>
        <source>请先确认参保类型，并逐项核验本人带来的材料（缺少材料的请告知补齐后再来办理）。</source>
        <translation>Confirm the insurance type first and check each document the person brought (if something is missing, ask them to come back with it).</translation>
    </message>
    <message>
        <source>单位职工参保（用人单位已在中心登记）</source>
        <translation>Employee (employer registered with the central system)</translation>
    </message>
    <message>
        <source>灵活就业人员参保（个人缴费）</source>
        <translation>Flexible employment (pays personally)</translation>
    </message>
    <message>
        <source>{0}须核验的材料</source>
        <translation>Documents to check for {0}</translation>
    </message>
    <message>
        <source>将本人的居民身份证放在阅读器上按 F2 读取；无法读卡时录入号码和姓名（核对身份证原件）。</source>
        <translation>Place the person&apos;s resident ID card on the reader and press F2; if it cannot be read, enter the number and name (check the original ID card).</translation>
    </message>
    <message>
        <source>读取身份证时自动填写</source>
        <translation>Filled in when the ID card is read</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>选填：手机号码或带区号的固定电话</source>
        <translation>Optional: mobile, or landline with area code</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>录入用人单位营业执照上的统一社会信用代码（18位），按 F5 向中心查询单位。</source>
        <translation>Enter the 18-character unified social credit code from the employer&apos;s business licence and press F5 to look it up at the central system.</translation>
    </message>
    <message>
        <source>如 91330206MA2H001019</source>
        <translation>e.g. 91330206MA2H001019</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>查询单位 (F5)</source>
        <translation>Look up employer (F5)</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{0}; font-weight:bold&apos;&gt;已注销社会保险登记&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:{0}; font-weight:bold&apos;&gt;Social insurance registration cancelled&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{0}&apos;&gt;正常参保&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:{0}&apos;&gt;Insured, active&lt;/span&gt;</translation>
    </message>
    <message>
        <source>单位名称</source>
        <translation>Employer name</translation>
    </message>
    <message>
        <source>参保险种</source>
        <translation>Insurance types</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;font-size:15px&apos;&gt;登记状态：{0}&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:15px&apos;&gt;Registration status: {0}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>正在向中心查询单位…</source>
        <translation>Looking up the employer at the central system…</translation>
    </message>
    <message>
        <source>险种与缴费基数</source>
        <translation>Insurance and base</translation>
    </message>
    <message>
        <source>可参加的险种和本年度缴费基数范围由中心核定；月缴费基数须在范围之内（含上下限）。</source>
        <translation>The insurance types available and this year&apos;s contribution base range are set by the central system; the monthly base must be within the range (limits included).</translation>
    </message>
    <message>
        <source>元/月，如 6000 或 6000.50</source>
        <translation>yuan/month, e.g. 6000 or 6000.50</translation>
    </message>
    <message>
        <source>月缴费基数（元）</source>
        <translation>Monthly base (yuan)</translation>
    </message>
    <message>
        <source>重新查询范围 (F5)</source>
        <translation>Query range again (F5)</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{0}&apos;&gt;正在向中心查询本年度缴费基数范围…&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:{0}&apos;&gt;Querying this year&apos;s contribution base range from the central system…&lt;/span&gt;</translation>
    </message>
    <message>
        <source>{0}年度月缴费基数范围（中心核定）：&lt;b&gt;{1}&lt;/b&gt; 至 &lt;b&gt;{2}&lt;/b&gt; 元（含）</source>
        <translation>{0} monthly contribution base range (set by the central system): &lt;b&gt;{1}&lt;/b&gt; to &lt;b&gt;{2}&lt;/b&gt; yuan (inclusive)</translation>
    </message>
    <message>
        <source>中心不允许本类型参加该险种</source>
        <translation>The central system does not allow this type to join this insurance</translation>
    </message>
    <message>
        <source>正在向中心查询缴费基数范围…</source>
        <translation>Querying the contribution base range…</translation>
    </message>
    <message>
        <source>请与本人逐项核对，确认后提交中心系统登记。</source>
        <translation>Check each item with the person, then submit the registration to the central system.</translation>
    </message>
    <message>
        <source>确认参保 (F9)</source>
        <translation>Confirm registration (F9)</translation>
    </message>
    <message>
        <source>参保类型</source>
        <translation>Insurance type</translation>
    </message>
    <message>
        <source>月缴费基数</source>
        <translation>Monthly base</translation>
    </message>
    <message>
        <source>{0} 元</source>
        <translation>{0} yuan</translation>
    </message>
    <message>
        <source>已核验材料</source>
        <translation>Documents checked</translation>
    </message>
    <message>
        <source>职工参保登记</source>
        <translation>Employee insurance registration</translation>
    </message>
    <message>
        <source>正在提交参保登记…</source>
        <translation>Submitting registration…</translation>
    </message>
    <message>
        <source>{0}&#x3000;</source>
        <translation>{0}  </translation>
    </message>
    <message>
        <source>{0}参保人：{1}</source>
        <translation>{0}Insured person: {1}</translation>
    </message>
    <message>
        <source>下一步（材料未齐）</source>
        <translation>Next (documents incomplete)</translation>
    </message>
    <message>
        <source>下一步（核验身份）</source>
        <translation>Next (verify identity)</translation>
    </message>
    <message>
        <source>下一步（参保单位）</source>
        <translation>Next (employer)</translation>
    </message>
    <message>
        <source>查询单位</source>
        <translation>Look up employer</translation>
    </message>
    <message>
        <source>下一步（险种与基数）</source>
        <translation>Next (insurance and base)</translation>
    </message>
    <message>
        <source>下一步（基数超上限）</source>
        <translation>Next (base above limit)</translation>
    </message>
    <message>
        <source>下一步（确认）</source>
        <translation>Next (confirm)</translation>
    </message>
    <message>
        <source>确认参保</source>
        <translation>Confirm registration</translation>
    </message>
    <message>
        <source>下一步（变更内容）</source>
        <translation>Next (changes)</translation>
    </message>
    <message>
        <source>下一步（证明材料）</source>
        <translation>Next (proof)</translation>
    </message>
    <message>
        <source>确认变更</source>
        <translation>Confirm changes</translation>
    </message>
    <message>
        <source>转到信息变更写卡</source>
        <translation>Go to write changes to card</translation>
    </message>
    <message>
        <source>下一步（缺证明编号）</source>
        <translation>Next (document no. missing)</translation>
    </message>
    <message>
        <source>转到补卡/换卡</source>
        <translation>Go to replacement/exchange</translation>
    </message>
    <message>
        <source>确认变更（暂存）</source>
        <translation>Confirm changes (held)</translation>
    </message>
    <message>
        <source>本机与中心系统通信的证书配置有误（CA 证书、网点客户端证书或私钥文件缺失或无法读取），待上传业务已暂停发送、不会丢失，修复后自动继续；请联系网点技术支持。</source>
        <translation>This PC&apos;s certificates for talking to the central system are misconfigured (CA certificate, branch client certificate or private key missing or unreadable). Uploads are paused and nothing is lost; they resume once fixed. Contact branch IT support.</translation>
    </message>
    <message>
        <source>状态检测失败</source>
        <translation>Status check failed</translation>
    </message>
    <message>
        <source>在线 {0:.0f} ms</source>
        <translation>Online {0:.0f} ms</translation>
    </message>
    <message>
        <source>缓慢 {0:.0f} ms</source>
        <translation>Slow {0:.0f} ms</translation>
    </message>
    <message>
        <source>离线</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>暂停发送（本机证书配置有误）</source>
        <translation>Uploads paused (certificates misconfigured)</translation>
    </message>
    <message>
        <source>检测中…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>{0} 中心专线：{1}</source>
        <translation>{0} Central line: {1}</translation>
    </message>
    <message>
        <source>与人社中心系统的专线连接</source>
        <translation>The dedicated line to the HRSS central system</translation>
    </message>
    <message>
        <source>待上传：{0} 笔</source>
        <translation>Pending upload: {0}</translation>
    </message>
    <message>
        <source>尚未被中心确认的业务笔数（上限 {0} 笔，含异常件）</source>
        <translation>Businesses not yet confirmed by the central system (limit {0}, failed items included)</translation>
    </message>
    <message>
        <source> · 异常件：{0} 笔</source>
        <translation> · Failed items: {0}</translation>
    </message>
    <message>
        <source>；异常件为中心拒绝的业务，须主管处理（counter-app sync dead-letters）</source>
        <translation>; failed items are businesses the central system refused and need a supervisor (counter-app sync dead-letters)</translation>
    </message>
    <message>
        <source>{0} 本人保管空白卡：—</source>
        <translation>{0} Blank cards held: —</translation>
    </message>
    <message>
        <source>{0} 本人保管空白卡：{1} 张</source>
        <translation>{0} Blank cards held: {1}</translation>
    </message>
    <message>
        <source>今天领用、尚未发卡或交回的空白卡（空白卡库存 → 领用 / 交回）</source>
        <translation>Blank cards drawn today and not yet issued or returned (Blank card stock → Draw / Return)</translation>
    </message>
    <message>
        <source>{0} 会话：{1}</source>
        <translation>{0} Session: {1}</translation>
    </message>
    <message>
        <source>柜员会话：开始营业后方可办理业务，营业结束时日终结束（左侧菜单“柜员会话”）</source>
        <translation>Teller session: business can be done only after opening; it ends at day end (menu “Teller session” on the left)</translation>
    </message>
    <message>
        <source>卡槽</source>
        <translation>Card slot</translation>
    </message>
    <message>
        <source>有卡</source>
        <translation>Card in</translation>
    </message>
    <message>
        <source>无卡</source>
        <translation>No card</translation>
    </message>
    <message>
        <source>就绪</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>未插入</source>
        <translation>Not inserted</translation>
    </message>
    <message>
        <source>{0} {1}：读卡器服务不可用</source>
        <translation>{0} {1}: card reader service unavailable</translation>
    </message>
    <message>
        <source>无法连接智能卡服务（pcscd / WinSCard），请运行 counter-app doctor 检查</source>
        <translation>Cannot reach the smart card service (pcscd / WinSCard); run counter-app doctor to check</translation>
    </message>
    <message>
        <source>{0} {1}：检测中…</source>
        <translation>{0} {1}: checking…</translation>
    </message>
    <message>
        <source>{0} {1}：读卡器未连接</source>
        <translation>{0} {1}: card reader not connected</translation>
    </message>
    <message>
        <source>（系统默认打印机）</source>
        <translation>(system default printer)</translation>
    </message>
    <message>
        <source>完整路径；http 本机参考中心可不填</source>
        <translation>Full path; may be left empty for the local http reference central</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>PEM (*.pem *.crt *.cer *.key);;所有文件 (*)</source>
        <translation>PEM (*.pem *.crt *.cer *.key);;All files (*)</translation>
    </message>
    <message>
        <source>中心系统地址（专线上的 https 地址）、中心的 CA 证书、本网点的客户端证书与私钥。下一步前逐个检查证书文件：可读、PEM 格式、在有效期内、私钥与证书匹配。</source>
        <translation>The central&apos;s https address on the dedicated line, its CA certificate, and this branch&apos;s client certificate and key; each file is checked (readable, PEM, in date, key matches).</translation>
    </message>
    <message>
        <source>中心的 CA 证书</source>
        <translation>Central CA certificate</translation>
    </message>
    <message>
        <source>本网点客户端证书</source>
        <translation>Branch client certificate</translation>
    </message>
    <message>
        <source>客户端证书的私钥</source>
        <translation>Client certificate&apos;s private key</translation>
    </message>
    <message>
        <source>中心系统地址</source>
        <translation>Central system address</translation>
    </message>
    <message>
        <source>CA 证书</source>
        <translation>CA certificate</translation>
    </message>
    <message>
        <source>客户端证书</source>
        <translation>Client certificate</translation>
    </message>
    <message>
        <source>客户端私钥</source>
        <translation>Client private key</translation>
    </message>
    <message>
        <source>例如 ICBC-NB-0101</source>
        <translation>e.g. ICBC-NB-0101</translation>
    </message>
    <message>
        <source>即办网点（当场制卡）</source>
        <translation>Instant issuance branch (cards made on the spot)</translation>
    </message>
    <message>
        <source>合作银行</source>
        <translation>Partner bank</translation>
    </message>
    <message>
        <source>网点</source>
        <translation>Branch</translation>
    </message>
    <message>
        <source>网点名称</source>
        <translation>Branch name</translation>
    </message>
    <message>
        <source>柜台号</source>
        <translation>Counter no.</translation>
    </message>
    <message>
        <source>网点从中心系统的网点名录中选择。</source>
        <translation>Choose the branch from the central system&apos;s branch list.</translation>
    </message>
    <message>
        <source>暂时无法从中心系统取得网点名录（{0}），请手工输入网点代码和名称，保存前会再检测。</source>
        <translation>The branch list cannot be fetched from the central system now ({0}); enter the branch code and name by hand, they are checked again before saving.</translation>
    </message>
    <message>
        <source>从本机已连接的设备中选择。读卡器经智能卡服务（PC/SC）列出，打印机为系统已添加的打印机。</source>
        <translation>Choose from the devices attached to this PC. Card readers are listed by the smart card service (PC/SC), printers are those added to the system.</translation>
    </message>
    <message>
        <source>重新查找读卡器</source>
        <translation>Search readers again</translation>
    </message>
    <message>
        <source>卡槽读卡器（客户社保卡）</source>
        <translation>Slot reader (customer&apos;s card)</translation>
    </message>
    <message>
        <source>PSAM 读卡器（网点 PSAM 卡）</source>
        <translation>PSAM reader (branch PSAM card)</translation>
    </message>
    <message>
        <source>申请表、回执打印机</source>
        <translation>Form and receipt printer</translation>
    </message>
    <message>
        <source>卡面打印机（即办网点）</source>
        <translation>Card printer (instant issuance branch)</translation>
    </message>
    <message>
        <source>无法列出读卡器：{0}</source>
        <translation>Cannot list card readers: {0}</translation>
    </message>
    <message>
        <source>未发现读卡器：请连接读卡器并安装驱动后点“重新查找读卡器”。</source>
        <translation>No card reader found: connect one, install its driver and click “Search readers again”.</translation>
    </message>
    <message>
        <source>已连接 {0} 个读卡器。</source>
        <translation>{0} card reader(s) connected.</translation>
    </message>
    <message>
        <source>检测中心连接（使用所选证书）、网点名录和读卡器，通过后写入 {0}。</source>
        <translation>Tests the central connection (with the chosen certificates), the branch list and the card readers, then writes {0}.</translation>
    </message>
    <message>
        <source>开始检测</source>
        <translation>Run tests</translation>
    </message>
    <message>
        <source>检测未通过也保存（例如专线尚未开通；启动后“环境检查”会再提示）</source>
        <translation>Save even if a test fails (e.g. the dedicated line is not open yet; “Environment check” warns again at start)</translation>
    </message>
    <message>
        <source>将写入的配置文件：</source>
        <translation>Profile to be written:</translation>
    </message>
    <message>
        <source>{0} {1}：{2}</source>
        <translation>{0} {1}: {2}</translation>
    </message>
    <message>
        <source>无法写入 {0}：{1}（写入本机配置需要管理员权限）</source>
        <translation>Cannot write {0}: {1} (writing the machine profile needs administrator rights)</translation>
    </message>
    <message>
        <source>首次配置向导 · 社会保障卡柜面业务系统</source>
        <translation>First-run setup · Social Security Card Counter System</translation>
    </message>
    <message>
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>保存配置</source>
        <translation>Save profile</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>身份证号码为{maximum}位，现有{count}位（空格不计）</source>
        <translation>An ID number has {maximum} characters; this one has {count} (spaces not counted)</translation>
    </message>
    <message>
        <source>姓名最多{maximum}个字，现有{count}个字</source>
        <translation>A name has at most {maximum} characters; this one has {count}</translation>
    </message>
    <message>
        <source>最多{maximum}个字，现有{count}个字，请精简</source>
        <translation>At most {maximum} characters, now {count}; please shorten</translation>
    </message>
    <message>
        <source>最多{0}个字</source>
        <translation>At most {0} characters</translation>
    </message>
    <message>
        <source>“{0}”（U+{1:04X}）</source>
        <translation>“{0}” (U+{1:04X})</translation>
    </message>
    <message>
        <source>注意：{0}在本机字库中没有字形，登记表上该处印为 {1}，请打印后在该处按编码手写补全。</source>
        <translation>Note: {0} has no glyph in this PC&apos;s fonts and is printed on the form as {1}; write it in by hand from its code after printing.</translation>
    </message>
    <message>
        <source>{0}（已等待 {1} 秒）</source>
        <translation>{0} (waited {1} s)</translation>
    </message>
    <message>
        <source>摄像头还没有画面，请检查摄像头连接后重试，或从文件导入照片。</source>
        <translation>The camera shows no picture yet; check its connection and try again, or import a photo from a file.</translation>
    </message>
    <message>
        <source>单据文件无法显示（PDF 内容有误），请重新生成或联系技术支持。</source>
        <translation>The document cannot be shown (invalid PDF); generate it again or contact IT support.</translation>
    </message>
    <message>
        <source>打印机无法开始打印（可能离线、缺纸或被占用）。请检查打印机，或先另存为PDF。</source>
        <translation>The printer cannot start printing (offline, out of paper or busy?). Check the printer, or save as PDF first.</translation>
    </message>
    <message>
        <source>打印预览 - {0}</source>
        <translation>Print preview - {0}</translation>
    </message>
    <message>
        <source>打印 (P)</source>
        <translation>Print (P)</translation>
    </message>
    <message>
        <source>另存为PDF (S)</source>
        <translation>Save as PDF (S)</translation>
    </message>
    <message>
        <source>关闭 (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>审计日志告警</source>
        <translation>Audit log alarm</translation>
    </message>
    <message>
        <source>审计日志告警：业务已暂停</source>
        <translation>Audit log alarm: business suspended</translation>
    </message>
    <message>
        <source>处理理由（记入审计日志）</source>
        <translation>Resolution (written to the audit log)</translation>
    </message>
    <message>
        <source>主管确认并恢复营业</source>
        <translation>Supervisor confirms and resumes business</translation>
    </message>
    <message>
        <source>审计日志告警 · 业务已暂停</source>
        <translation>Audit log alarm · business suspended</translation>
    </message>
    <message>
        <source>请立即通知主管到场处理。</source>
        <translation>Call a supervisor to the counter now.</translation>
    </message>
    <message>
        <source>本机尚未配置网点</source>
        <translation>This PC has no branch profile</translation>
    </message>
    <message>
        <source>未找到网点配置文件 {0}。

本机首次使用前，须由网点管理员完成首次配置：银行与网点、柜台号、中心系统地址与证书、读卡器和打印机。

现在打开首次配置向导吗？</source>
        <translation>Branch profile {0} not found.

Before this PC is first used, a branch administrator must complete the first-run setup: bank and branch, counter no., central system address and certificates, card readers and printers.

Open the first-run setup now?</translation>
    </message>
    <message>
        <source>需要升级</source>
        <translation>Upgrade required</translation>
    </message>
    <message>
        <source>系统内部错误，操作未完成。已录入的内容已保存，请重试；如反复出现，请联系网点技术支持。</source>
        <translation>Internal error; the operation did not complete. What was entered is saved; try again, and if it keeps happening contact branch IT support.</translation>
    </message>
    <message>
        <source>该步骤的内容需要修改</source>
        <translation>This step needs corrections</translation>
    </message>
    <message>
        <source>放弃本笔</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>上一步 (PgUp)</source>
        <translation>Back (PgUp)</translation>
    </message>
    <message>
        <source>下一步 (PgDn)</source>
        <translation>Next (PgDn)</translation>
    </message>
    <message>
        <source>处理中…</source>
        <translation>Processing…</translation>
    </message>
    <message>
        <source>正在检查并保存…</source>
        <translation>Checking and saving…</translation>
    </message>
    <message>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>非营业时间</source>
        <translation>Outside opening hours</translation>
    </message>
    <message>
        <source>{0}

确定现在开始办理“{1}”吗？</source>
        <extracomment>how the teller is asked (tests answer in its place) False in demo mode: the demo and the guided tour run at any hour without a dialog stopping them (the banner still says so)</extracomment>
        <translation>{0}

Start “{1}” now?</translation>
    </message>
</context>
</TS>
