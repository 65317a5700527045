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
        <translation>Go to &quot;{0}&quot;</translation>
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
        <translation>&quot;At most one trip&quot;: check each document the applicant brought; anything missing is listed at once, tell the applicant.</translation>
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
        <source>社保卡申领（集中制卡）</source>
        <extracomment>done inside the teller&apos;s open work session (柜员会话): a business that moves cards, fees or the person&apos;s records is tied to the session reconciled at day end; what only reads (queries, checking a certificate) is not</extracomment>
        <translation>Card application (central production)</translation>
    </message>
    <message>
        <source>申领资格核验</source>
        <translation>Eligibility check</translation>
    </message>
    <message>
        <source>即时制卡</source>
        <translation>Instant issuance</translation>
    </message>
    <message>
        <source>空白卡入库、领用、废卡与盘点</source>
        <translation>Blank card receipt, drawing, spoiling and stocktake</translation>
    </message>
    <message>
        <source>批次签收</source>
        <translation>Batch receipt</translation>
    </message>
    <message>
        <source>制卡失败重新制卡</source>
        <translation>Re-production after a failed production</translation>
    </message>
    <message>
        <source>制卡失败撤销申领</source>
        <translation>Application cancelled after a failed production</translation>
    </message>
    <message>
        <source>超期卡片封存</source>
        <translation>Sealing of overdue cards</translation>
    </message>
    <message>
        <source>领卡</source>
        <translation>Card collection</translation>
    </message>
    <message>
        <source>正式挂失</source>
        <translation>Formal loss report</translation>
    </message>
    <message>
        <source>解挂</source>
        <translation>Cancel loss report</translation>
    </message>
    <message>
        <source>补换卡（集中制卡）</source>
        <translation>Replacement (central production)</translation>
    </message>
    <message>
        <source>补换卡（即时制卡）</source>
        <translation>Replacement (instant issuance)</translation>
    </message>
    <message>
        <source>信息变更</source>
        <translation>Data change</translation>
    </message>
    <message>
        <source>参保证明核验</source>
        <translation>Certificate verification</translation>
    </message>
    <message>
        <source>卡片状态查询</source>
        <translation>Card status query</translation>
    </message>
    <message>
        <source>缴费记录查询</source>
        <translation>Contribution query</translation>
    </message>
    <message>
        <source>职工参保登记（单位职工）</source>
        <translation>Employee registration (employer&apos;s staff)</translation>
    </message>
    <message>
        <source>灵活就业参保登记</source>
        <translation>Flexible employment registration</translation>
    </message>
    <message>
        <source>联系电话、地址、学历、婚姻状况变更</source>
        <translation>Change of phone, address, education or marital status</translation>
    </message>
    <message>
        <source>参加工作时间、出生日期变更</source>
        <translation>Change of employment start date or date of birth</translation>
    </message>
    <message>
        <source>姓名、身份证号码、性别变更</source>
        <translation>Change of name, ID number or sex</translation>
    </message>
    <message>
        <source>审计链上报</source>
        <translation>Audit chain report</translation>
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
        <source>工本费：{0}（{1}）</source>
        <translation>Card fee: {0} ({1})</translation>
    </message>
    <message>
        <source>&#x3000;提交受理后记入本人柜员会话并出具收据</source>
        <translation>recorded in your teller session with a receipt once the application is accepted</translation>
    </message>
    <message>
        <source>请打印申领登记表交申请人（监护人）核对签名，并将业务回执交申请人留存。</source>
        <translation>Print the application form for the applicant (guardian) to check and sign, and give the applicant the receipt.</translation>
    </message>
    <message>
        <source>转账（凭证 {0}）</source>
        <translation>transfer (reference {0})</translation>
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
        <translation>&lt;br&gt;The documents are marked &quot;pending upload&quot;.</translation>
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
        <extracomment>beside a typed number ({0}: the colour)</extracomment>
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
        <source>领卡未激活</source>
        <translation>Collected, not activated</translation>
    </message>
    <message>
        <source>正常使用</source>
        <translation>In use</translation>
    </message>
    <message>
        <source>封存</source>
        <translation>Sealed</translation>
    </message>
    <message>
        <source>作废</source>
        <translation>Void</translation>
    </message>
    <message>
        <source>注销</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>正常</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>临时挂失</source>
        <translation>Temporary loss report</translation>
    </message>
    <message>
        <source>应用锁定</source>
        <translation>Application locked</translation>
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
        <source>该卡超期未领，已退回中心封存，网点不能发放或启用：启封由中心办理，请持卡人联系中心启封，卡片退回网点后再办理领卡启用。</source>
        <extracomment>card states in which a function&apos;s state may change (loss, de-loss, PIN services) what the person can do instead, when the card as a whole is not in use (unsealing is the central&apos;s: a branch neither hands out nor activates a sealed card)</extracomment>
        <translation>This card was not collected in time and has been returned to the centre and sealed; branches can neither hand it out nor activate it. Unsealing is done by the centre: the cardholder should ask the centre to unseal it, then collect and activate it once it is back at the branch.</translation>
    </message>
    <message>
        <source>该卡号已作废（制卡报废或撤销），不能再使用或补换：请按持卡人名下的有效卡办理，或查询其申领的制卡进度。</source>
        <translation>This card number has been voided (spoiled or cancelled during making) and can no longer be used or replaced: serve the cardholder with their valid card, or check the making progress of their application.</translation>
    </message>
    <message>
        <source>该卡已注销（已补换新卡或已销户），请使用新卡办理，或查询新卡的状态。</source>
        <translation>The card is cancelled (replaced or account closed). Use the new card, or check the new card&apos;s status.</translation>
    </message>
    <message>
        <source>该卡已启用，无需再次启用。</source>
        <extracomment>what to do instead when a card in use is asked for a change the table forbids</extracomment>
        <translation>This card is already activated; no need to activate it again.</translation>
    </message>
    <message>
        <source>该卡已领取启用，不能退回封存。</source>
        <translation>This card has been collected and activated; it cannot be returned for sealing.</translation>
    </message>
    <message>
        <source>已启用的卡不能作废；卡片损坏的请办理换卡。</source>
        <translation>An activated card cannot be voided; for a damaged card, apply for an exchange.</translation>
    </message>
    <message>
        <source>卡片状态“{state}”无法识别，请联系网点技术支持。</source>
        <translation>Card state &quot;{state}&quot; is not recognised. Contact branch IT support.</translation>
    </message>
    <message>
        <source>卡片功能状态“{state}”无法识别，请联系网点技术支持。</source>
        <translation>Card function state &quot;{state}&quot; is not recognised. Contact branch IT support.</translation>
    </message>
    <message>
        <source>请核对卡片状态后选择相应业务。</source>
        <translation>Check the card&apos;s state and choose the matching business.</translation>
    </message>
    <message>
        <source>该卡当前状态为“{current}”，不能变更为“{target}”。{advice}</source>
        <translation>The card is &quot;{current}&quot; and cannot become &quot;{target}&quot;. {advice}</translation>
    </message>
    <message>
        <source>该卡当前状态为“{current}”，不能办理挂失、解挂等卡片业务。{advice}</source>
        <translation>The card is &quot;{current}&quot;; loss reports, their cancellation and other card services are not possible. {advice}</translation>
    </message>
    <message>
        <source>该功能已正式挂失，无需重复挂失；卡片找回可在发卡银行网点解挂，或办理补卡。</source>
        <translation>This function already has a formal loss report; no second report is needed. If the card is found, cancel the loss report at a branch of the issuing bank, or apply for a replacement.</translation>
    </message>
    <message>
        <source>该功能未挂失，无需解挂。</source>
        <translation>This function is not reported lost; there is nothing to cancel.</translation>
    </message>
    <message>
        <source>该功能已临时挂失；可在柜面转为正式挂失，或卡片找回后解挂。</source>
        <translation>This function has a temporary loss report; it can be made formal at the counter, or cancelled once the card is found.</translation>
    </message>
    <message>
        <source>正式挂失不能改回临时挂失；卡片找回可解挂，否则请办理补卡。</source>
        <translation>A formal loss report cannot go back to a temporary one; if the card is found cancel the loss report, otherwise apply for a replacement.</translation>
    </message>
    <message>
        <source>该功能已正式挂失，卡片不能使用；卡片找回请先解挂。</source>
        <translation>This function has a formal loss report and the card cannot be used; if the card is found, cancel the loss report first.</translation>
    </message>
    <message>
        <source>该功能已应用锁定，无需再次锁定；请核验身份后办理“密码重置解锁”。</source>
        <translation>This function is already locked (PIN blocked); no need to lock it again. Verify the holder&apos;s identity, then do &quot;PIN reset and unlock&quot;.</translation>
    </message>
    <message>
        <source>该功能已挂失，卡片不能使用，无需锁定。</source>
        <translation>This function is reported lost and the card cannot be used; no lock is needed.</translation>
    </message>
    <message>
        <source>{function}当前状态为“{current}”，不能变更为“{target}”。{advice}</source>
        <translation>The {function} is &quot;{current}&quot; and cannot become &quot;{target}&quot;. {advice}</translation>
    </message>
    <message>
        <source>该卡当前状态为“{current}”，尚无密码可修改或重置：密码在领卡启用时由持卡人设置。请先为持卡人办理领卡启用。</source>
        <extracomment>card states in which an operation may be done: the PIN is first set at activation (领卡启用), so a card awaiting activation has none to change or reset yet</extracomment>
        <translation>The card is &quot;{current}&quot; and has no PIN to change or reset yet: the holder sets it at hand-out and activation. Please do the hand-out and activation first.</translation>
    </message>
    <message>
        <source>应用锁定请核验身份后办理“密码重置解锁”。</source>
        <translation>For a locked PIN, check the holder&apos;s identity and do &quot;PIN reset/unlock&quot;.</translation>
    </message>
    <message>
        <source>{function}当前状态为“{current}”，不是挂失状态，不能解挂。{advice}</source>
        <translation>The {function} is &quot;{current}&quot;, not reported lost, so it cannot be de-lost. {advice}</translation>
    </message>
    <message>
        <source>{function}当前状态为“{current}”，不能办理密码业务。卡片找回的请先在发卡银行网点办理解挂；未找回的请办理补卡。</source>
        <translation>The {function} is &quot;{current}&quot;: no PIN service is possible. If the card was found, cancel the loss at a branch of the issuing bank first; otherwise apply for a replacement card.</translation>
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
        <translation>&lt;br&gt;The receipt is marked &quot;pending upload&quot;: tell the cardholder the loss report takes effect once uploaded to the central system.</translation>
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
        <source>民族（芯片）</source>
        <translation>Ethnic group (chip)</translation>
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
        <source>系统向中心读取最新登记信息，与芯片比对后写入有变化的民族，写后读回核对；姓名变更印在卡面上，须办理换卡。请勿在写卡过程中拔卡。</source>
        <translation>The system reads the latest data from the central system, compares it with the chip, writes a changed ethnic group and reads it back to check; a changed name is printed on the card face and needs a card exchange. Do not remove the card while writing.</translation>
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
        <source>请先选择要放行的检查项。</source>
        <translation>First choose the check to let through.</translation>
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
        <source>转到信息变更写卡</source>
        <translation>Go to write changes to card</translation>
    </message>
    <message>
        <source>写卡</source>
        <translation>Write card</translation>
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
        <source>近{0}个月</source>
        <translation>Last {0} months</translation>
    </message>
    <message>
        <source>指定起止月份</source>
        <translation>Chosen from–to months</translation>
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
        <source>起止月份</source>
        <translation>From – to</translation>
    </message>
    <message>
        <source>按自然月计，最多48个月，截止月份不晚于本月</source>
        <translation>Calendar months, at most 48; the last month not after this month</translation>
    </message>
    <message>
        <source>出具参保证明 (F5)</source>
        <translation>Issue certificate (F5)</translation>
    </message>
    <message>
        <source>证明已由中心系统出具。请打印交申请人；再次打印为补打，证明上标明“补打”。</source>
        <translation>The central system has issued the certificate. Print it for the applicant; printing again is a reprint and is marked &quot;Reprint&quot;.</translation>
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
        <source>已打印 {0} 次，再次打印将标明“补打”。</source>
        <translation>Printed {0} time(s); printing again is marked &quot;Reprint&quot;.</translation>
    </message>
    <message>
        <source>补打 (F7)</source>
        <translation>Reprint (F7)</translation>
    </message>
    <message>
        <source>无缴费记录的月份</source>
        <translation>Months without any record</translation>
    </message>
    <message>
        <source>{0}（1个月）</source>
        <translation>{0} (1 month)</translation>
    </message>
    <message>
        <source>{0}至{1}（{2}个月）</source>
        <translation>{0} to {1} ({2} months)</translation>
    </message>
    <message>
        <source>无缴费记录</source>
        <translation>No contribution records</translation>
    </message>
    <message>
        <source>{0}至{1}</source>
        <translation>{0} to {1}</translation>
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
        <extracomment>audit actions that record a business done at the counter → its title on the report</extracomment>
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
        <source>本机没有可用的打印机，工本费收据未打印。请“另存为PDF”后到可打印的电脑打印。</source>
        <translation>No printer is available on this PC; the fee receipt was not printed. Save it as PDF and print it on a PC that can print.</translation>
    </message>
    <message>
        <source>工本费收据已发送到打印机“{0}”（{1} 页）。</source>
        <translation>Fee receipt sent to printer &quot;{0}&quot; ({1} pages).</translation>
    </message>
    <message>
        <source>正在生成登记表和回执…</source>
        <translation>Generating form and receipt…</translation>
    </message>
    <message>
        <source>本机没有可用的打印机，{0}未打印。请“另存为PDF”后到可打印的电脑打印，或联系网点技术支持检查打印机。</source>
        <translation>No printer available on this PC; the {0} was not printed. Use &quot;Save as PDF&quot; and print on a PC that can, or ask branch IT support to check the printer.</translation>
    </message>
    <message>
        <source>{0}已发送到打印机“{1}”（{2} 页）。</source>
        <translation>{0} sent to printer &quot;{1}&quot; ({2} page(s)).</translation>
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
        <source>{0} · {1}</source>
        <translation>{0} · {1}</translation>
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
        <source>请将申请人的居民身份证放在阅读器上，按 F2 读取；无法读卡时手工录入号码并核对证件原件。申请人带了社保卡的，插入读卡器按 F3 读取（核对为本人现用的卡）；没带卡的凭身份证即可。核验他人出示的参保证明请按 F9。</source>
        <translation>Place the applicant&apos;s resident ID card on the reader and press F2; if it cannot be read, enter the number and check the original. If the applicant brought their social security card, insert it and press F3 (checked as their card in use); without it the ID card is enough. To verify a certificate someone presents, press F9.</translation>
    </message>
    <message>
        <source>选择证明险种和缴费明细期间（近若干个月，或指定起止月份，最多48个月），点击“出具参保证明”：证明由中心系统出具，授权码和二维码由中心生成，需实时联网。</source>
        <translation>Choose the insurance type and the period of the contribution detail (the last months, or a chosen from–to period; at most 48 months), then click &quot;Issue certificate&quot;: the central issues the certificate and generates its authorisation code and QR code; a live connection is needed.</translation>
    </message>
    <message>
        <source>中心系统已出具参保证明（{0}，{1}）。</source>
        <translation>The central has issued the certificate ({0}, {1}).</translation>
    </message>
    <message>
        <source>本机没有可用的打印机，证明未打印（未计入打印次数）。请“另存为PDF”后打印，或联系网点技术支持检查打印机。</source>
        <translation>No printer available on this PC; the certificate was not printed (not counted). Use &quot;Save as PDF&quot; and print it, or ask branch IT support to check the printer.</translation>
    </message>
    <message>
        <source> 可再次打印（将标明补打）。</source>
        <translation> You can print again (marked as a reprint).</translation>
    </message>
    <message>
        <source>参保证明已发送到打印机“{0}”（{1} 页）。</source>
        <translation>Contribution certificate sent to printer &quot;{0}&quot; ({1} page(s)).</translation>
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
        <source>核验身份</source>
        <translation>Verify identity</translation>
    </message>
    <message>
        <source>将本人的居民身份证放在阅读器上按 F2 读取；无法读卡时录入号码（核对原件）。姓名、身份证号码、性别、民族的变更必须读取身份证。</source>
        <translation>Place the person&apos;s resident ID card on the reader and press F2; if it cannot be read, enter the number (check the original). Changing name, ID number, sex or ethnic group requires reading the ID card.</translation>
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
        <translation>The card&apos;s chip no longer matches the changed data: press F6 to go to &quot;PIN and card services&quot;, choose &quot;Write changes to card&quot;, read the person&apos;s ID card and card, then write.</translation>
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
        <source>持卡人设置密码</source>
        <translation>Cardholder sets PIN</translation>
    </message>
    <message>
        <source>本机未配置密码键盘：请持卡人本人输入6位数字密码（输入内容不显示），柜员请回避。</source>
        <translation>No PIN pad configured on this PC: the cardholder types a 6-digit PIN (not shown); the teller looks away.</translation>
    </message>
    <message>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>再次输入</source>
        <translation>Enter again</translation>
    </message>
    <message>
        <source>登记废卡（主管授权）</source>
        <translation>Record spoiled card (supervisor authorisation)</translation>
    </message>
    <message>
        <source>芯片序号尾号 {0} 的卡片将登记为废卡，不再使用（交回制卡中心），中心作废其卡号，本申领换一张空白卡重新制卡。</source>
        <translation>The card with chip serial ending {0} will be recorded as spoiled and not used again (returned to the production centre); the central system voids its card number and this application is made again on another blank card.</translation>
    </message>
    <message>
        <source>至少4个字，如：写卡中断，芯片无响应</source>
        <translation>At least 4 characters, e.g. writing interrupted, chip not responding</translation>
    </message>
    <message>
        <source>作废原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>撤销制卡</source>
        <translation>Cancel production</translation>
    </message>
    <message>
        <source>撤销原因（如：申领人不再等候）：</source>
        <translation>Reason for cancelling (e.g. the applicant could not wait):</translation>
    </message>
    <message>
        <source>屏幕密码输入框</source>
        <translation>On-screen PIN entry</translation>
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
        <source>&lt;span style=&apos;color:{0}; font-weight:bold&apos;&gt;✓ 已读取身份证&lt;/span&gt;&#x3000;{1}&#x3000;{2}&#x3000;按回车或“查询”开始查询。</source>
        <translation>&lt;span style=&apos;color:{0}; font-weight:bold&apos;&gt;✓ ID card read&lt;/span&gt;  {1}  {2}  Press Enter or &quot;Query&quot; to start.</translation>
    </message>
    <message>
        <source>以下为中心系统的实时记录，仅供本人核对，不作为参保证明（需要证明请办理“参保证明打印”）。可打印查询结果交本人。</source>
        <translation>Live records from the central system, for the person to check only; not a contribution certificate (for that, use &quot;Contribution certificate&quot;). The result can be printed for the person.</translation>
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
        <source>养老</source>
        <translation>Pension</translation>
    </message>
    <message>
        <source>失业</source>
        <translation>Unemployment</translation>
    </message>
    <message>
        <source>工伤</source>
        <translation>Work injury</translation>
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
        <source>{0} 笔</source>
        <translation>{0}</translation>
    </message>
    <message>
        <source>（未受理 {0}）</source>
        <translation> (not accepted {0})</translation>
    </message>
    <message>
        <source>业务</source>
        <translation>Business</translation>
    </message>
    <message>
        <source>当日无业务</source>
        <translation>No business today</translation>
    </message>
    <message>
        <source>收 {0} 笔 {1}，退 {2} 笔 {3}，净 {4}</source>
        <translation>Received {0} ({1}), refunded {2} ({3}), net {4}</translation>
    </message>
    <message>
        <source>未清点</source>
        <translation>Not counted</translation>
    </message>
    <message>
        <source>备用金</source>
        <extracomment>a supervisor&apos;s authorisation of one act: (approval, purpose) → the user name, or raises (the one authorisation path, workflows.login.TellerAuth.authorise) blank cards in a teller&apos;s custody today; None at a branch without blank stock the day-end&apos;s gate: the texts of differences not explained yet (given the close note); the session does not close while any is left (workflows.day_end)</extracomment>
        <translation>Float</translation>
    </message>
    <message>
        <source>现金应有</source>
        <translation>Cash expected</translation>
    </message>
    <message>
        <source>现金实点</source>
        <translation>Cash counted</translation>
    </message>
    <message>
        <source>批次签收 / 领卡启用</source>
        <translation>Batches received / cards collected</translation>
    </message>
    <message>
        <source>空白卡 领用 / 交回 / 发卡 / 废卡 / 在保管</source>
        <translation>Blank cards drawn / returned / issued / spoiled / held</translation>
    </message>
    <message>
        <source>待上传</source>
        <translation>Pending upload</translation>
    </message>
    <message>
        <source>{0} 笔（</source>
        <translation>{0} (</translation>
    </message>
    <message>
        <source>）</source>
        <translation>)</translation>
    </message>
    <message>
        <source>无：业务已全部送达中心</source>
        <translation>None: all business delivered to the central system</translation>
    </message>
    <message>
        <source>业务笔数</source>
        <translation>Businesses</translation>
    </message>
    <message>
        <source>工本费</source>
        <translation>Card fee</translation>
    </message>
    <message>
        <source>现金</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>卡片</source>
        <translation>Cards</translation>
    </message>
    <message>
        <source>中心上传</source>
        <translation>Central upload</translation>
    </message>
    <message>
        <source>本机（柜台 {0}）：业务 {1} 笔，工本费净额 {2}，当日会话 {3} 个</source>
        <translation>This PC (counter {0}): {1} businesses, net fees {2}, {3} sessions today</translation>
    </message>
    <message>
        <source>未上报日终汇总</source>
        <translation>Day-end summary not reported</translation>
    </message>
    <message>
        <source>已上报：会话 {0}（未结束 {1}），业务 {2} 笔，工本费净额 {3}，差异未说明 {4}，待上传 {5}</source>
        <translation>Reported: {0} sessions ({1} still open), {2} businesses, net fees {3}, {4} differences unexplained, {5} unsent</translation>
    </message>
    <message>
        <source>收 {0} 笔，退 {1} 笔，净额 {2}</source>
        <translation>{0} collected, {1} refunded, net {2}</translation>
    </message>
    <message>
        <source>空白卡 领用 {0} / 发卡 {1} / 废卡 {2}；批次签收 {3}；领卡 {4}</source>
        <translation>Blank cards handed {0} / issued {1} / spoiled {2}; batches received {3}; handed out {4}</translation>
    </message>
    <message>
        <source>全网点（中心汇总，{0}）</source>
        <translation>Whole branch (summed by the central, {0})</translation>
    </message>
    <message>
        <source>差异</source>
        <translation>Differences</translation>
    </message>
    <message>
        <source>{0} 项（未说明 {1}）</source>
        <translation>{0} ({1} unexplained)</translation>
    </message>
    <message>
        <source>日终轧账</source>
        <translation>Day-end settlement</translation>
    </message>
    <message>
        <source>正在汇总…</source>
        <translation>Totalling…</translation>
    </message>
    <message>
        <source>现金实点（元）</source>
        <translation>Cash counted (yuan)</translation>
    </message>
    <message>
        <source>钱箱内现金合计，含备用金</source>
        <translation>Drawer total incl. float</translation>
    </message>
    <message>
        <source>登记实点</source>
        <translation>Record count</translation>
    </message>
    <message>
        <source>重新汇总 (F5)</source>
        <translation>Total again (F5)</translation>
    </message>
    <message>
        <source>保存说明</source>
        <translation>Save explanations</translation>
    </message>
    <message>
        <source>轧账单另存为PDF</source>
        <translation>Save settlement as PDF</translation>
    </message>
    <message>
        <source>导出CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <source>结束营业（日终）</source>
        <translation>Close (day end)</translation>
    </message>
    <message>
        <source>网点当日轧账单PDF</source>
        <translation>Branch day settlement PDF</translation>
    </message>
    <message>
        <source>全网点汇总</source>
        <translation>Whole branch</translation>
    </message>
    <message>
        <source>网点当日CSV</source>
        <translation>Branch day CSV</translation>
    </message>
    <message>
        <source>本会话收费（退费须主管授权）</source>
        <translation>Fees this session (refunds need supervisor authorisation)</translation>
    </message>
    <message>
        <source>例如：中心未受理、重复收费</source>
        <translation>e.g. refused centrally, charged twice</translation>
    </message>
    <message>
        <source>退费原因</source>
        <translation>Refund reason</translation>
    </message>
    <message>
        <source>退还所选收费</source>
        <translation>Refund selected fee</translation>
    </message>
    <message>
        <source>正在汇总当日业务…</source>
        <translation>Totalling today&apos;s business…</translation>
    </message>
    <message>
        <source>您没有未结束的柜员会话：日终轧账针对本人的营业会话。请先在“柜员会话”开始营业。</source>
        <translation>You have no open teller session: day-end settlement is for your own session. Open one first in &quot;Teller session&quot;.</translation>
    </message>
    <message>
        <source>柜员 {0} · 营业日 {1} · {2}</source>
        <translation>Teller {0} · Business day {1} · {2}</translation>
    </message>
    <message>
        <source>差异（{0} 项）</source>
        <translation>Differences ({0})</translation>
    </message>
    <message>
        <source>账实相符，无差异。</source>
        <translation>Books and counts agree; no differences.</translation>
    </message>
    <message>
        <source>说明原因（至少4个字），例如：现金多收已当面退还</source>
        <translation>Explain (at least 4 characters), e.g. cash overpaid, refunded in person</translation>
    </message>
    <message>
        <source>已登记现金实点 {0}。</source>
        <translation>Cash count {0} recorded.</translation>
    </message>
    <message>
        <source>正在登记现金实点…</source>
        <translation>Recording cash count…</translation>
    </message>
    <message>
        <source>已保存 {0} 项差异说明（记入审计日志）。</source>
        <translation>{0} explanation(s) saved (written to the audit log).</translation>
    </message>
    <message>
        <source>正在保存说明…</source>
        <translation>Saving explanations…</translation>
    </message>
    <message>
        <source>日终轧账-{0}-{1}{2}</source>
        <translation>day-end-{0}-{1}{2}</translation>
    </message>
    <message>
        <source>正在保存{0}…</source>
        <translation>Saving {0}…</translation>
    </message>
    <message>
        <source>轧账单</source>
        <translation>Settlement report</translation>
    </message>
    <message>
        <source>轧账CSV</source>
        <translation>Settlement CSV</translation>
    </message>
    <message>
        <source>网点日终轧账.pdf</source>
        <translation>branch-day-end-settlement.pdf</translation>
    </message>
    <message>
        <source>网点轧账单已保存为 {0}</source>
        <translation>Branch settlement report saved as {0}</translation>
    </message>
    <message>
        <source>正在汇总全网点…</source>
        <translation>Totalling the whole branch…</translation>
    </message>
    <message>
        <source>已汇总全网点</source>
        <translation>Whole branch summed</translation>
    </message>
    <message>
        <source>全网点汇总暂不可用：显示的是本机数据</source>
        <translation>Whole-branch figures unavailable: showing this PC&apos;s data</translation>
    </message>
    <message>
        <source>正在向中心汇总全网点…</source>
        <translation>Asking the central for the whole branch…</translation>
    </message>
    <message>
        <source>网点日终轧账.csv</source>
        <translation>branch-day-end.csv</translation>
    </message>
    <message>
        <source>网点轧账CSV已保存为 {0}</source>
        <translation>Branch day-end CSV saved as {0}</translation>
    </message>
    <message>
        <source>营业日 {0} 已日终结束（会话 #{1}）。</source>
        <translation>Business day {0} closed (session #{1}).</translation>
    </message>
    <message>
        <source>已结束营业：轧账单</source>
        <translation>Closed: settlement report</translation>
    </message>
    <message>
        <source>已保存为 {0}。</source>
        <translation>Saved as {0}.</translation>
    </message>
    <message>
        <source>可另存为PDF。</source>
        <translation>You can save it as PDF.</translation>
    </message>
    <message>
        <source>正在日终结束营业…</source>
        <translation>Closing the day…</translation>
    </message>
    <message>
        <source>请在列表中选择一笔收费（退费记录不能再退）。</source>
        <translation>Choose a fee in the list (a refund cannot be refunded).</translation>
    </message>
    <message>
        <source>请先填写退费原因。</source>
        <translation>Fill in the reason for the refund first.</translation>
    </message>
    <message>
        <source>已退费：{0}，授权主管 {1}（远程授权，已记入审计日志）。</source>
        <translation>Refunded: {0}, authorised by supervisor {1} (remote approval, recorded in the audit log).</translation>
    </message>
    <message>
        <source>正在核验远程授权…</source>
        <translation>Checking the remote approval…</translation>
    </message>
    <message>
        <source>退费须经主管授权：</source>
        <translation>A refund needs supervisor authorisation:</translation>
    </message>
    <message>
        <source>已退费：{0}，授权主管 {1}（已记入审计日志）。</source>
        <translation>Refunded: {0}, authorised by supervisor {1} (written to the audit log).</translation>
    </message>
    <message>
        <source>正在核验主管授权…</source>
        <translation>Checking supervisor authorisation…</translation>
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
        <source>{0}保存失败：{1}</source>
        <translation>Could not save the {0}: {1}</translation>
    </message>
    <message>
        <source>制卡进度与批次</source>
        <translation>Production and batches</translation>
    </message>
    <message>
        <source>查询制卡进度：输入申领编号、身份证号码、卡号或姓名后回车（其他网点受理的请输身份证号码或申领编号，由中心查询）。下方为待签收的制卡批次和在柜未领的卡片。</source>
        <translation>Production progress: enter an application no., ID number, card no. or name and press Enter (for another branch&apos;s application enter the ID number or application no.; the central system is asked). Below: batches to receive and cards held uncollected.</translation>
    </message>
    <message>
        <source>申领编号 / 身份证号码 / 卡号 / 姓名</source>
        <translation>Application no. / ID number / card no. / name</translation>
    </message>
    <message>
        <source>查询进度</source>
        <translation>Query progress</translation>
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
        <source>申领编号</source>
        <translation>Application no.</translation>
    </message>
    <message>
        <source>持卡人</source>
        <translation>Cardholder</translation>
    </message>
    <message>
        <source>领取方式</source>
        <translation>Collection</translation>
    </message>
    <message>
        <source>重新制卡</source>
        <translation>Produce again</translation>
    </message>
    <message>
        <source>撤销原因（撤销申领时必填）</source>
        <translation>Reason (required to cancel an application)</translation>
    </message>
    <message>
        <source>撤销申领</source>
        <translation>Cancel application</translation>
    </message>
    <message>
        <source>待签收的制卡批次（选中后点“签收本批次”）：</source>
        <translation>Batches to receive (select one, then &quot;Receive this batch&quot;):</translation>
    </message>
    <message>
        <source>刷新批次</source>
        <translation>Refresh batches</translation>
    </message>
    <message>
        <source>签收本批次（有草稿则继续签收）</source>
        <translation>Receive this batch (continues a draft)</translation>
    </message>
    <message>
        <source>放弃未完成的签收</source>
        <translation>Discard unfinished receipt</translation>
    </message>
    <message>
        <source>保管位置</source>
        <translation>Storage slot</translation>
    </message>
    <message>
        <source>签收日</source>
        <translation>Received on</translation>
    </message>
    <message>
        <source>已放天数</source>
        <translation>Days kept</translation>
    </message>
    <message>
        <source>保管至</source>
        <translation>Kept until</translation>
    </message>
    <message>
        <source>预览未领卡清单</source>
        <translation>Preview uncollected list</translation>
    </message>
    <message>
        <source>封存超期卡片</source>
        <translation>Seal overdue cards</translation>
    </message>
    <message>
        <source>预览封存清单</source>
        <translation>Preview sealing list</translation>
    </message>
    <message>
        <source>逐张读卡核对</source>
        <translation>Read and check each card</translation>
    </message>
    <message>
        <source>从批次箱中逐张取出卡片：录入信封上的申领编号（无信封可不填），将卡片插入读卡器按 F2 读卡。以芯片读出的卡号为准匹配申领；错装、多卡当场列出，清单上未读到的卡在签收时按缺卡上报中心。</source>
        <translation>Take the cards from the batch box one by one: enter the application no. on the envelope (blank if none), insert the card and press F2. The card no. read from the chip is matched to the application; wrong or extra cards are listed at once, and cards on the list not read are reported missing to the central system on receipt.</translation>
    </message>
    <message>
        <source>信封上的申领编号（可扫描条码）</source>
        <translation>Application no. on the envelope (barcode can be scanned)</translation>
    </message>
    <message>
        <source>芯片无法读取时按卡面录入卡号</source>
        <translation>If the chip cannot be read, enter the card no. printed on it</translation>
    </message>
    <message>
        <source>信封申领编号</source>
        <translation>Envelope application no.</translation>
    </message>
    <message>
        <source>卡号（手工）</source>
        <translation>Card no. (by hand)</translation>
    </message>
    <message>
        <source>读卡核对 (F2)</source>
        <translation>Read and check (F2)</translation>
    </message>
    <message>
        <source>按卡号录入</source>
        <translation>Enter by card no.</translation>
    </message>
    <message>
        <source>差异（错装、多卡）：</source>
        <translation>Differences (wrong or extra cards):</translation>
    </message>
    <message>
        <source>清单上尚未读到的卡：</source>
        <translation>Cards on the list not read yet:</translation>
    </message>
    <message>
        <source>批次 {0}：清单 {1} 张，已核对 {2} 张，差异 {3} 项，未读 {4} 张</source>
        <translation>Batch {0}: {1} listed, {2} checked, {3} differences, {4} not read</translation>
    </message>
    <message>
        <source>{0}&#x3000;卡号 {1}</source>
        <translation>{0}  card no. {1}</translation>
    </message>
    <message>
        <source>入柜保管并签收</source>
        <translation>Store and receive</translation>
    </message>
    <message>
        <source>核对无误的卡片按读卡顺序放入保管箱（格位号自动编排，打印在签收清单上）。确认签收后上报中心；专线中断时签收单暂存，线路恢复后自动上报。</source>
        <translation>Put the checked cards in the storage box in the order read (slot numbers are assigned and printed on the receipt list). On confirming, the receipt is reported to the central system; with the line down it is held and reported automatically when the line is back.</translation>
    </message>
    <message>
        <source>例如 A01</source>
        <translation>e.g. A01</translation>
    </message>
    <message>
        <source>保管箱号</source>
        <translation>Storage box</translation>
    </message>
    <message>
        <source>格位：箱号-001 起</source>
        <translation>Slots: box-001 onwards</translation>
    </message>
    <message>
        <source>确认签收</source>
        <translation>Confirm receipt</translation>
    </message>
    <message>
        <source>签收入柜 {0} 张；上报差异 {1} 项</source>
        <translation>{0} card(s) received and stored; {1} difference(s) reported</translation>
    </message>
    <message>
        <source>（无差异）</source>
        <translation> (no differences)</translation>
    </message>
    <message>
        <source>：</source>
        <translation>: </translation>
    </message>
    <message>
        <source>签收完成</source>
        <translation>Receipt complete</translation>
    </message>
    <message>
        <source>预览签收清单</source>
        <translation>Preview receipt list</translation>
    </message>
    <message>
        <source>返回制卡进度与批次</source>
        <translation>Back to production and batches</translation>
    </message>
    <message>
        <source>批次 {0} 已签收：{1} 张卡已入柜保管，签收单及差异已上报中心。</source>
        <translation>Batch {0} received: {1} card(s) stored; the receipt and differences have been reported to the central system.</translation>
    </message>
    <message>
        <source>批次 {0} 已离线签收：{1} 张卡已入柜保管。专线中断，签收单已暂存，线路恢复后自动上报中心（不会重复上报）。</source>
        <translation>Batch {0} received offline: {1} card(s) stored. The dedicated line is down: the receipt is held and reported automatically when the line is back (never twice).</translation>
    </message>
    <message>
        <source>经办柜员：{0}</source>
        <translation>Teller: {0}</translation>
    </message>
    <message>
        <source>
读卡器：{0}</source>
        <translation>
Card reader: {0}</translation>
    </message>
    <message>
        <source>找到 {0} 笔申领。</source>
        <translation>{0} application(s) found.</translation>
    </message>
    <message>
        <source>正在查询制卡进度…</source>
        <translation>Querying production progress…</translation>
    </message>
    <message>
        <source>中心未说明原因</source>
        <translation>No reason given by the central system</translation>
    </message>
    <message>
        <source>申领 {0} 制卡失败，中心原因：{1}。可“重新制卡”（专线中断时暂存上传），或填写原因后“撤销申领”（须实时连接中心）。</source>
        <translation>Production of application {0} failed; the central system says: {1}. You can &quot;Produce again&quot; (held for upload with the line down), or give a reason and &quot;Cancel application&quot; (needs the central system online).</translation>
    </message>
    <message>
        <source>正在提交重新制卡…</source>
        <translation>Submitting new production…</translation>
    </message>
    <message>
        <source>正在向中心撤销申领…</source>
        <translation>Cancelling the application at the central system…</translation>
    </message>
    <message>
        <source>&#x3000;签收未完成：已读 {0} 张（{1}）</source>
        <translation> Receipt unfinished: {0} read ({1})</translation>
    </message>
    <message>
        <source>{0}&#x3000;{1} 张{2}</source>
        <translation>{0}  {1} card(s){2}</translation>
    </message>
    <message>
        <source>（没有待签收的批次）</source>
        <translation>(no batches to receive)</translation>
    </message>
    <message>
        <source>有未完成的签收（读过的卡已保存）：</source>
        <translation>Unfinished receipts (cards read are saved):</translation>
    </message>
    <message>
        <source>批次 {0} 已读 {1} 张</source>
        <translation>batch {0}: {1} read</translation>
    </message>
    <message>
        <source>。选中该批次后点“签收本批次”继续。</source>
        <translation>. Select the batch and click &quot;Receive this batch&quot; to continue.</translation>
    </message>
    <message>
        <source>正在获取待签收批次…</source>
        <translation>Fetching batches to receive…</translation>
    </message>
    <message>
        <source>在柜未领卡片 {0} 张</source>
        <translation>{0} uncollected card(s) held</translation>
    </message>
    <message>
        <source>，其中 {0} 张已超过保管期，须退回中心封存。</source>
        <translation>, {0} of them past the holding period and to be returned to the central system for sealing.</translation>
    </message>
    <message>
        <source>退回封存</source>
        <translation>Return for sealing</translation>
    </message>
    <message>
        <source>通知领卡</source>
        <translation>Notify holder</translation>
    </message>
    <message>
        <source>请选择要签收的制卡批次。</source>
        <translation>Choose the batch to receive.</translation>
    </message>
    <message>
        <source>已继续未完成的签收：此前已读 {0} 张。</source>
        <translation>Unfinished receipt continued: {0} card(s) read before.</translation>
    </message>
    <message>
        <source>正在打开批次清单…</source>
        <translation>Opening batch list…</translation>
    </message>
    <message>
        <source>柜员放弃未完成的签收</source>
        <translation>Teller discarded the unfinished receipt</translation>
    </message>
    <message>
        <source>正在放弃未完成的签收…</source>
        <translation>Discarding unfinished receipt…</translation>
    </message>
    <message>
        <source>正在封存超期卡片并上报中心…</source>
        <translation>Sealing overdue cards and reporting to the central system…</translation>
    </message>
    <message>
        <source>封存清单</source>
        <translation>Sealing list</translation>
    </message>
    <message>
        <source>未领卡清单</source>
        <translation>Uncollected card list</translation>
    </message>
    <message>
        <source>已核对 {0} 张，差异 {1} 项，未读 {2} 张。</source>
        <translation>{0} checked, {1} difference(s), {2} not read.</translation>
    </message>
    <message>
        <source>正在读卡核对…</source>
        <translation>Reading and checking card…</translation>
    </message>
    <message>
        <source>正在核对…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>正在签收并上报中心…</source>
        <translation>Receiving and reporting to the central system…</translation>
    </message>
    <message>
        <source>签收清单</source>
        <translation>Receipt list</translation>
    </message>
    <message>
        <source>核验领卡人</source>
        <translation>Verify collector</translation>
    </message>
    <message>
        <source>本人领取：读取持卡人身份证（邮寄到家或已领未启用的卡，由持卡人带卡办理启用）。未成年人由监护人持户口本等监护关系证明代领；单位代领须留存单位委托书（录入统一社会信用代码和委托书编号）并核验经办人身份证，代领的卡不启用，须持卡人本人来启用并设置密码。</source>
        <translation>Collected by the holder: read the holder&apos;s ID card (a card delivered by post, or collected earlier and not activated, is activated with the card the holder brings). A minor&apos;s card is collected by the guardian with the household register or other proof of guardianship; an employer collecting keeps the employer&apos;s letter (enter the unified social credit code and the letter&apos;s number) and the clerk&apos;s ID card is checked; a card collected by an employer is not activated: the holder comes to activate it and set the PIN.</translation>
    </message>
    <message>
        <source>本人领取</source>
        <translation>In person</translation>
    </message>
    <message>
        <source>监护人代领</source>
        <translation>By guardian</translation>
    </message>
    <message>
        <source>单位代领</source>
        <translation>By employer</translation>
    </message>
    <message>
        <source>领卡人身份证号码（读卡或录入）</source>
        <translation>Collector&apos;s ID number (read or typed)</translation>
    </message>
    <message>
        <source>代领时录入持卡人身份证号码</source>
        <translation>When collecting for someone, enter the cardholder&apos;s ID number</translation>
    </message>
    <message>
        <source>已查验户口本等监护关系证明</source>
        <translation>Proof of guardianship (e.g. household register) checked</translation>
    </message>
    <message>
        <source>领卡人身份证</source>
        <translation>Collector&apos;s ID card</translation>
    </message>
    <message>
        <source>持卡人身份证</source>
        <translation>Cardholder&apos;s ID card</translation>
    </message>
    <message>
        <source>委托书编号</source>
        <translation>Letter of authority no.</translation>
    </message>
    <message>
        <source>读身份证 (F4)</source>
        <translation>Read ID card (F4)</translation>
    </message>
    <message>
        <source>查找待领卡片</source>
        <translation>Find card to collect</translation>
    </message>
    <message>
        <source>持卡人带来的卡片：{0}，卡号 {1}（已寄出或已领取未启用）</source>
        <translation>Card brought by the holder: {0}, card number {1} (posted, or collected and not activated)</translation>
    </message>
    <message>
        <source>待领卡片：{0}，卡号 {1}，保管位置 {2}</source>
        <translation>Card to collect: {0}, card no. {1}, stored at {2}</translation>
    </message>
    <message>
        <source>读卡核对</source>
        <translation>Read and check card</translation>
    </message>
    <message>
        <source>从保管位置取出卡片交持卡人核对卡面，插入读卡器按 F2 读卡：芯片中的卡号和身份证号码须与该申领一致。</source>
        <translation>Take the card from storage for the cardholder to check its face, insert it and press F2: the card no. and ID number on the chip must match the application.</translation>
    </message>
    <message>
        <source>申领 {0}&#x3000;卡号 {1}&#x3000;持卡人带来的卡片</source>
        <translation>Application {0}   card number {1}   card brought by the holder</translation>
    </message>
    <message>
        <source>申领 {0}&#x3000;卡号 {1}&#x3000;保管位置 {2}</source>
        <translation>Application {0}  card no. {1}  stored at {2}</translation>
    </message>
    <message>
        <source>卡片核对一致，请点击“下一步”由中心发放并启用。</source>
        <translation>The card matches; click &quot;Next&quot; for the central system to issue and activate it.</translation>
    </message>
    <message>
        <source>中心发放并启用</source>
        <translation>Issue and activate</translation>
    </message>
    <message>
        <source>由中心确认发放并启用卡片的社保功能和金融功能（须实时连接中心；专线中断时不能办理，卡片继续在柜保管）。</source>
        <translation>The central system confirms issue and activates the card&apos;s social security and financial functions (needs the central system online; with the line down this cannot be done and the card stays in storage).</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Activate</translation>
    </message>
    <message>
        <source>请持卡人在密码键盘上输入6位新密码并再次确认（密码不经过本屏幕，不保存、不记录）。</source>
        <translation>Ask the cardholder to enter a new 6-digit PIN on the PIN pad and confirm it (the PIN never passes through this screen and is neither stored nor recorded).</translation>
    </message>
    <message>
        <source>开始设置密码</source>
        <translation>Start setting PIN</translation>
    </message>
    <message>
        <source>密码键盘：{0}</source>
        <translation>PIN pad: {0}</translation>
    </message>
    <message>
        <source>本机未连接密码键盘：将弹出密码输入框，请持卡人本人输入（输入内容以圆点显示）。</source>
        <translation>No PIN pad connected: a PIN box opens for the cardholder to type in (shown as dots).</translation>
    </message>
    <message>
        <source>领卡完成</source>
        <translation>Collection complete</translation>
    </message>
    <message>
        <source>预览领卡回执</source>
        <translation>Preview collection receipt</translation>
    </message>
    <message>
        <source>办理下一位</source>
        <translation>Next customer</translation>
    </message>
    <message>
        <source>卡号 {0} 已由单位代领（未启用）。请打印领卡回执交单位经办人签收，并告知：须持卡人本人持身份证和本卡到网点办理领卡启用并设置密码。</source>
        <translation>Card {0} collected by the employer (not activated). Print the receipt for the employer&apos;s clerk to sign and tell them: the holder must bring their ID card and this card to a branch to activate it and set the PIN.</translation>
    </message>
    <message>
        <source>卡号 {0} 已发放并启用，持卡人已设置密码。请打印领卡回执交持卡人签收，回执上的二维码用于领取电子社保卡。</source>
        <translation>Card no. {0} issued and activated, and the cardholder has set a PIN. Print the collection receipt for the cardholder to sign; its QR code is for claiming the electronic social security card.</translation>
    </message>
    <message>
        <source>领卡启用</source>
        <translation>Card collection</translation>
    </message>
    <message>
        <source>
持卡人：{0}</source>
        <translation>
Cardholder: {0}</translation>
    </message>
    <message>
        <source>正在查找待领卡片并向中心核对…</source>
        <translation>Finding the card and checking with the central system…</translation>
    </message>
    <message>
        <source>正在由中心发放并启用…</source>
        <translation>Issuing and activating at the central system…</translation>
    </message>
    <message>
        <source>持卡人取消了设置密码，可重新点击“开始设置密码”。</source>
        <translation>The cardholder cancelled setting the PIN; click &quot;Start setting PIN&quot; again.</translation>
    </message>
    <message>
        <source>请持卡人在密码键盘上输入新密码…</source>
        <translation>Cardholder entering the new PIN on the PIN pad…</translation>
    </message>
    <message>
        <source>领卡回执</source>
        <translation>Collection receipt</translation>
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
        <source>请将本人的居民身份证放在阅读器上，按 F2 读取；无法读卡时手工录入号码并核对证件原件，按回车查询。本人带了社保卡的，插入读卡器按 F3 读取（核对为本人现用的卡）；没带卡的凭身份证即可。查询须实时连接中心系统。</source>
        <translation>Place the person&apos;s resident ID card on the reader and press F2; if it cannot be read, enter the number and check the original, then press Enter to query. If the person brought their social security card, insert it and press F3 (checked as their card in use); without it the ID card is enough. Queries need the central system online.</translation>
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
        <translation>No printer available on this PC; the result was not printed. Use &quot;Save as PDF&quot; and print it, or ask branch IT support to check the printer.</translation>
    </message>
    <message>
        <source>查询结果已发送到打印机“{0}”（{1} 页）。</source>
        <translation>Query result sent to printer &quot;{0}&quot; ({1} page(s)).</translation>
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
        <translation>No printer available on this PC; the receipt was not printed. Use &quot;Save as PDF&quot; and print on a PC that can, or ask branch IT support to check the printer.</translation>
    </message>
    <message>
        <source>业务回执 {0}</source>
        <translation>Receipt {0}</translation>
    </message>
    <message>
        <source>业务回执已发送到打印机“{0}”（{1} 页）。</source>
        <translation>Receipt sent to printer &quot;{0}&quot; ({1} page(s)).</translation>
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
        <translation>&lt;br&gt;The receipt is marked &quot;pending upload&quot;: tell the person it takes effect once uploaded to the central system.</translation>
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
        <translation>Employee registration</translation>
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
        <source>在线</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>线路不稳定</source>
        <translation>Line unstable</translation>
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
        <source>未知</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>本柜台的审计日志被发现遭篡改、删除或截断，业务已暂停，不能受理新业务。请立即通知主管到场核实，主管确认后方可继续办理。</source>
        <extracomment>each wait between cycles is interval_s × (1 ± interval_jitter): counters whose loops started together (a city&apos;s PCs rebooted by one power cut) drift apart instead of probing and draining in the same instant, cycle after cycle, when the line returns while the line is down, the wait before the next probe doubles after each failed cycle up to interval_s × this (60 s by default): a city whose probes time out against an overloaded central stops opening ~600 new connections a second and lets it drain central time minus local time at the last probe; beyond ±5 min the local clock is suspect (timestamps later than the central&apos;s now + 5 min are flagged) a break of this counter&apos;s audit chain awaits a supervisor: no new work of any kind whether the signed-in teller has a work session (柜员会话) open today; None: not known to whoever built this status (a command, a test&apos;s own worker): not checked app_state key of a break of the audit chain not yet acknowledged (store.audit.BREAK_STATE; this layer may not import the store, a test holds the two equal)</extracomment>
        <translation>This counter&apos;s audit log was found tampered with, deleted or truncated: business is suspended and no new business can be taken. Call a supervisor at once to check; business resumes after the supervisor&apos;s confirmation.</translation>
    </message>
    <message>
        <source>您尚未开始今日营业（没有已开启的柜员会话），不能办理此业务。请在左侧菜单“柜员会话”中录入备用金后开始营业；如有前一营业日未日终的会话，请先结束该会话或请主管强制结束。</source>
        <translation>You have not opened today&apos;s business (no open teller session), so this business cannot be done. Open it under “Teller session” in the menu on the left by entering the float; if a session of a previous day was not closed, close it first or ask a supervisor to force-close it.</translation>
    </message>
    <message>
        <source>本机磁盘剩余空间不足（{free_disk_mb:.0f} MB，下限 {min_free_disk_mb} MB），请联系网点技术支持清理后再办理。</source>
        <translation>Not enough free disk space on this PC ({free_disk_mb:.0f} MB, minimum {min_free_disk_mb} MB). Ask branch IT support to free space, then continue.</translation>
    </message>
    <message>
        <source>此业务需要实时连接中心系统，当前专线中断，请待线路恢复后办理，或先办理可暂存的业务。</source>
        <translation>This business needs a live connection to the central system and the dedicated line is down. Do it when the line is back, or do business that can be held meanwhile.</translation>
    </message>
    <message>
        <source>最早一笔待上传业务已积压 {hours:.1f} 小时（上限 {max_oldest_unsent_hours:g} 小时），暂停受理新的暂存业务，请先恢复与中心的同步或请主管处理异常件。</source>
        <translation>The oldest business waiting to be sent has waited {hours:.1f} hours (limit {max_oldest_unsent_hours:g} hours): no new held business is taken. Restore the sync with the central system first, or ask a supervisor to handle the exceptions.</translation>
    </message>
    <message>
        <source>待上传业务已达 {unsent} 笔（上限 {max_unsent_count} 笔），暂停受理新的暂存业务，请先完成同步。</source>
        <translation>{unsent} business items are waiting to be sent (limit {max_unsent_count}): no new held business is taken. Complete the sync first.</translation>
    </message>
    <message>
        <source>从未同步</source>
        <translation>has never synchronised</translation>
    </message>
    <message>
        <source>已 {hours:.1f} 小时未同步</source>
        <translation>has not synchronised for {hours:.1f} hours</translation>
    </message>
    <message>
        <source>本柜台与中心系统{since}（上限 {max_since_last_sync_hours:g} 小时），暂停受理新的暂存业务，请先完成同步。</source>
        <translation>This counter {since} with the central system (limit {max_since_last_sync_hours:g} hours): no new held business is taken. Complete the sync first.</translation>
    </message>
    <message>
        <source>检测中…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>{0} 中心专线：{1}</source>
        <translation>{0} Central: {1}</translation>
    </message>
    <message>
        <source>与人社中心系统的专线连接</source>
        <translation>The dedicated line to the HRSS central system</translation>
    </message>
    <message>
        <source>待上传：{0} 笔</source>
        <translation>Pending: {0}</translation>
    </message>
    <message>
        <source>尚未被中心确认的业务笔数（上限 {0} 笔，含异常件）</source>
        <translation>Businesses not yet confirmed by the central system (limit {0}, failed items included)</translation>
    </message>
    <message>
        <source> · 异常件：{0} 笔</source>
        <translation> · Failed: {0}</translation>
    </message>
    <message>
        <source>；异常件为中心拒绝的业务，须主管处理（counter-app sync dead-letters）</source>
        <translation>; failed items are businesses the central system refused and need a supervisor (counter-app sync dead-letters)</translation>
    </message>
    <message>
        <source>{0} 本人保管空白卡：—</source>
        <translation>{0} Blanks held: —</translation>
    </message>
    <message>
        <source>{0} 本人保管空白卡：{1} 张</source>
        <translation>{0} Blanks held: {1}</translation>
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
        <translation>Teller session: business can be done only after opening; it ends at day end (menu &quot;Teller session&quot; on the left)</translation>
    </message>
    <message>
        <source>卡槽</source>
        <translation>Slot</translation>
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
        <source>{0} {1}：无读卡服务</source>
        <translation>{0} {1}: no card service</translation>
    </message>
    <message>
        <source>{0} {1}：未连接</source>
        <translation>{0} {1}: not connected</translation>
    </message>
    <message>
        <source>读卡器未连接：请检查读卡器的连接线，或运行 counter-app doctor 检查</source>
        <translation>Card reader not connected: check its cable, or run counter-app doctor</translation>
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
        <source>（系统默认打印机）</source>
        <translation>(system default printer)</translation>
    </message>
    <message>
        <source>（不接卡面打印机：卡面存为 PDF 文件）</source>
        <translation>(no card printer: card faces saved as PDF files)</translation>
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
        <translation>No card reader found: connect one, install its driver and click &quot;Search readers again&quot;.</translation>
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
        <translation>Save even if a test fails (e.g. the dedicated line is not open yet; &quot;Environment check&quot; warns again at start)</translation>
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
        <translation>&quot;{0}&quot; (U+{1:04X})</translation>
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

Start &quot;{1}&quot; now?</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>开始营业</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>下一步（查询原卡）</source>
        <translation>Next (look up old card)</translation>
    </message>
    <message>
        <source>下一步（补换方式）</source>
        <translation>Next (replacement type)</translation>
    </message>
    <message>
        <source>确认补换卡并收费</source>
        <translation>Confirm replacement and charge</translation>
    </message>
    <message>
        <source>工本费收据另存为PDF</source>
        <translation>Save fee receipt as PDF</translation>
    </message>
    <message>
        <source>业务回执另存为PDF</source>
        <translation>Save receipt as PDF</translation>
    </message>
    <message>
        <source>登记现金实点</source>
        <translation>Record cash count</translation>
    </message>
    <message>
        <source>已核对，原因见附件说明</source>
        <translation>Checked; see the attached explanation</translation>
    </message>
    <message>
        <source>待办</source>
        <translation>To do</translation>
    </message>
    <message>
        <source>进行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>未完成</source>
        <translation>Unfinished</translation>
    </message>
    <message>
        <source>等待线路</source>
        <translation>Waiting for line</translation>
    </message>
    <message>
        <source>转人工补印</source>
        <translation>Manual reprint</translation>
    </message>
    <message>
        <source>待制卡</source>
        <translation>To produce</translation>
    </message>
    <message>
        <source>已制卡</source>
        <translation>Produced</translation>
    </message>
    <message>
        <source>已撤销（可重新制卡）</source>
        <translation>Cancelled (can produce again)</translation>
    </message>
    <message>
        <source>即时制卡 · 待制卡的申领</source>
        <translation>Instant issuance · applications to produce</translation>
    </message>
    <message>
        <source>本网点已受理、中心已确认的即时制卡申领。选择一笔后按 Enter 开始制卡；中断过的制卡从未完成的步骤继续。</source>
        <translation>Instant issuance applications accepted here and confirmed by the central system. Select one and press Enter to start; an interrupted production continues from the unfinished step.</translation>
    </message>
    <message>
        <source>刷新 (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <source>开始 / 继续制卡 (Enter)</source>
        <translation>Start / continue (Enter)</translation>
    </message>
    <message>
        <source>中断于：{0}</source>
        <translation>Interrupted at: {0}</translation>
    </message>
    <message>
        <source>{0}&#x3000;{1}&#x3000;受理 {2}&#x3000;{3}</source>
        <translation>{0}  {1}  accepted {2}  {3}</translation>
    </message>
    <message>
        <source>没有待制卡的申领。即时制卡申领受理后会出现在这里。</source>
        <translation>No applications to produce. Instant issuance applications appear here once accepted.</translation>
    </message>
    <message>
        <source>开始制卡 (F5)</source>
        <translation>Start production (F5)</translation>
    </message>
    <message>
        <source>转人工补印卡面</source>
        <translation>Reprint card face by hand</translation>
    </message>
    <message>
        <source>预览卡面 (F8)</source>
        <translation>Preview card face (F8)</translation>
    </message>
    <message>
        <source>预览回执 (F9)</source>
        <translation>Preview receipt (F9)</translation>
    </message>
    <message>
        <source>申请编号 {0}</source>
        <translation>Application no. {0}</translation>
    </message>
    <message>
        <source>持卡人 {0}</source>
        <translation>Cardholder {0}</translation>
    </message>
    <message>
        <source>社保卡号 {0}</source>
        <translation>Card no. {0}</translation>
    </message>
    <message>
        <source>芯片序号尾号 {0}</source>
        <translation>Chip serial ending {0}</translation>
    </message>
    <message>
        <source>已作废 {0} 张</source>
        <translation>{0} spoiled</translation>
    </message>
    <message>
        <source>继续 (F5)</source>
        <translation>Continue (F5)</translation>
    </message>
    <message>
        <source>制卡完成：请取出卡片，连同回执交持卡人，并提示领取电子社保卡。</source>
        <translation>Production complete: take out the card, give it to the cardholder with the receipt, and mention claiming the electronic card.</translation>
    </message>
    <message>
        <source>本次即时制卡已撤销。</source>
        <translation>This instant issuance has been cancelled.</translation>
    </message>
    <message>
        <source>正在读取待制卡的申领…</source>
        <translation>Reading applications to produce…</translation>
    </message>
    <message>
        <source>经办柜员：{0}
卡面打印机：{1}</source>
        <translation>Teller: {0}
Card printer: {1}</translation>
    </message>
    <message>
        <source>正在打开制卡记录…</source>
        <translation>Opening production record…</translation>
    </message>
    <message>
        <source>正在制卡…</source>
        <translation>Producing card…</translation>
    </message>
    <message>
        <source>正在登记人工补印…</source>
        <translation>Recording manual reprint…</translation>
    </message>
    <message>
        <source>已登记废卡并上报中心，请取出该卡交回库存管理，插入新的空白卡后点击“继续”。</source>
        <translation>Spoiled card recorded and reported to the central system. Take the card out and return it to stock, insert a new blank card, then click &quot;Continue&quot;.</translation>
    </message>
    <message>
        <source>正在登记废卡…</source>
        <translation>Recording spoiled card…</translation>
    </message>
    <message>
        <source>正在撤销制卡…</source>
        <translation>Cancelling production…</translation>
    </message>
    <message>
        <source>{0}保存失败（{1}），请换一个位置。</source>
        <translation>Saving the {0} failed ({1}); please choose another location.</translation>
    </message>
    <message>
        <source>即时制卡回执-{0}.pdf</source>
        <translation>instant-issuance-receipt-{0}.pdf</translation>
    </message>
    <message>
        <source>卡面-{0}.pdf</source>
        <translation>card-face-{0}.pdf</translation>
    </message>
    <message>
        <source>卡面已发送到卡面打印机（{0}）。</source>
        <translation>The card face was sent to the card printer ({0}).</translation>
    </message>
    <message>
        <source>正在打印卡面…</source>
        <translation>Printing the card face…</translation>
    </message>
    <message>
        <source>本机没有可用的打印机，回执未打印。请“另存为PDF”后到可打印的电脑打印。</source>
        <translation>No printer is available on this computer; the receipt was not printed. Use &quot;Save as PDF&quot; and print it on a computer with a printer.</translation>
    </message>
    <message>
        <source>即时制卡回执 {0}</source>
        <translation>Instant issuance receipt {0}</translation>
    </message>
    <message>
        <source>回执已发送到打印机“{0}”（{1} 页）。</source>
        <translation>The receipt was sent to printer &quot;{0}&quot; ({1} pages).</translation>
    </message>
    <message>
        <source>卡面</source>
        <translation>Card face</translation>
    </message>
    <message>
        <source>即时制卡回执</source>
        <translation>Instant issuance receipt</translation>
    </message>
    <message>
        <source>正在生成{0}…</source>
        <translation>Generating {0}…</translation>
    </message>
    <message>
        <source>另存为PDF（{0}）</source>
        <translation>Save as PDF ({0})</translation>
    </message>
    <message>
        <source>预览（{0}）</source>
        <translation>Preview ({0})</translation>
    </message>
    <message>
        <source>新申领</source>
        <translation>New application</translation>
    </message>
    <message>
        <source>拍照并检查</source>
        <translation>Take and check photo</translation>
    </message>
    <message>
        <source>开始制卡</source>
        <translation>Start production</translation>
    </message>
    <message>
        <source>打开待制卡申领</source>
        <translation>Open application to produce</translation>
    </message>
    <message>
        <source>开始制卡（卡片被拔出）</source>
        <translation>Start production (card pulled out)</translation>
    </message>
    <message>
        <source>插回同一张卡，继续</source>
        <translation>Reinsert the same card, continue</translation>
    </message>
    <message>
        <source>打开“{0}”（单击或回车）</source>
        <translation>Open &quot;{0}&quot; (click or Enter)</translation>
    </message>
    <message>
        <source>已锁屏</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>屏幕已锁定</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <source>长时间无操作，屏幕已锁定，正在办理的业务已保留。
请 {0}（{1}）输入密码解锁。</source>
        <translation>The screen locked after a long idle time; the business in progress is kept.
{0} ({1}): enter your password to unlock.</translation>
    </message>
    <message>
        <source>解&#x3000;锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>换人登录（签退当前柜员）</source>
        <translation>Switch user (sign out this teller)</translation>
    </message>
    <message>
        <source>{0} · {1} · {2} · 柜台 {3}</source>
        <translation>{0} · {1} · {2} · Counter {3}</translation>
    </message>
    <message>
        <source> · 演示环境</source>
        <translation> · Demo</translation>
    </message>
    <message>
        <source>{0}（{1} · {2}）</source>
        <translation>{0} ({1} · {2})</translation>
    </message>
    <message>
        <source>锁屏</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>签退</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>请在解锁窗口中输入密码。</source>
        <translation>Enter your password in the unlock window.</translation>
    </message>
    <message>
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>（建设中）</source>
        <translation> (under construction)</translation>
    </message>
    <message>
        <source>柜员会话</source>
        <translation>Teller session</translation>
    </message>
    <message>
        <source>开始营业（备用金、保管的空白卡）、日终结束营业、主管强制结束遗留会话</source>
        <translation>Open for business (float, blank cards held), close at day end, supervisor force-closes leftover sessions</translation>
    </message>
    <message>
        <source>业务笔数、工本费、现金、卡片与待上传业务核对，差异说明，轧账单，退费</source>
        <translation>Reconcile business count, card fees, cash, cards and pending uploads; explain differences; settlement report; refunds</translation>
    </message>
    <message>
        <source>主管管理</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <source>异常件处理、审计日志查询与校验、强制结束遗留会话</source>
        <translation>Failed items, audit log search and verification, force-close leftover sessions</translation>
    </message>
    <message>
        <source>网点统计</source>
        <translation>Branch statistics</translation>
    </message>
    <message>
        <source>每日业务量（按业务类型）、周末占比、平均耗时、未领卡片，可导出PDF</source>
        <translation>Daily volume by business type, weekend share, average time, uncollected cards; PDF export</translation>
    </message>
    <message>
        <source>您好，{0}。请从左侧菜单或下方选择要办理的业务。</source>
        <translation>Hello, {0}. Choose a business from the menu on the left or below.</translation>
    </message>
    <message>
        <source>“最多跑一次”：办理前请先核对申请人所需材料，缺少的材料一次性告知。中心专线中断时，可延后上传的业务照常办理，需实时联网的业务将提示暂停。</source>
        <translation>&quot;At most one trip&quot;: check the documents needed first and name anything missing at once. With the line down, businesses that upload later go on; the others pause.</translation>
    </message>
    <message>
        <source>需实时联网</source>
        <translation>Needs the line</translation>
    </message>
    <message>
        <source>可离线办理、联网后上传</source>
        <translation>Works offline, uploads later</translation>
    </message>
    <message>
        <source>建设中 · </source>
        <translation>Under construction · </translation>
    </message>
    <message>
        <source>尚未开始今日营业：挂失、补换卡、申领等业务需先开始营业。请打开左侧菜单“柜员会话”，录入备用金后开始营业。</source>
        <translation>Not open today: loss reports, replacements and applications need an open session. Open &quot;Teller session&quot; on the left and enter the float.</translation>
    </message>
    <message>
        <source>您 {0} 的会话尚未日终，请先在“柜员会话”中结束该会话，再开始今日营业。</source>
        <translation>Your session of {0} has not been closed at day end: close it in &quot;Teller session&quot; first, then open for today.</translation>
    </message>
    <message>
        <source>确定签退当前柜员吗？未完成的业务草稿会保留。</source>
        <translation>Sign out this teller? Unfinished drafts are kept.</translation>
    </message>
    <message>
        <source>保存{0}</source>
        <translation>Save {0}</translation>
    </message>
    <message>
        <source>预览{0}</source>
        <translation>Preview {0}</translation>
    </message>
    <message>
        <source>按身份证号码查询进度</source>
        <translation>Query progress by ID number</translation>
    </message>
    <message>
        <source>查询进度（制卡中）</source>
        <translation>Query progress (in production)</translation>
    </message>
    <message>
        <source>按姓名查询进度（已寄出）</source>
        <translation>Query progress by name (sent)</translation>
    </message>
    <message>
        <source>签收本批次</source>
        <translation>Receive this batch</translation>
    </message>
    <message>
        <source>离开签收（已读1张）</source>
        <translation>Leave receipt (1 read)</translation>
    </message>
    <message>
        <source>继续签收</source>
        <translation>Continue receipt</translation>
    </message>
    <message>
        <source>下一步（入柜）</source>
        <translation>Next (store)</translation>
    </message>
    <message>
        <source>查询进度（在柜保管）</source>
        <translation>Query progress (in storage)</translation>
    </message>
    <message>
        <source>查询进度（制卡失败）</source>
        <translation>Query progress (production failed)</translation>
    </message>
    <message>
        <source>，开始时保管空白卡 {0} 张</source>
        <translation>, holding {0} blank card(s) at opening</translation>
    </message>
    <message>
        <source>柜员 {0} · 柜台 {1} · 营业日 {2} · {3} 开始 · 备用金 {4}{5}</source>
        <translation>Teller {0} · Counter {1} · Business day {2} · opened {3} · Float {4}{5}</translation>
    </message>
    <message>
        <source>柜员会话（开始营业 / 日终结束）</source>
        <translation>Teller session (open / close at day end)</translation>
    </message>
    <message>
        <source>正在读取会话…</source>
        <translation>Reading session…</translation>
    </message>
    <message>
        <source>柜台</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>单位：元，例如 2000；没有备用金请输入 0</source>
        <translation>In yuan, e.g. 2000; enter 0 if no float</translation>
    </message>
    <message>
        <source>备用金（元）</source>
        <translation>Float (yuan)</translation>
    </message>
    <message>
        <source>本人保管空白卡</source>
        <translation>Blank cards I hold</translation>
    </message>
    <message>
        <source>日终结束营业</source>
        <translation>Close at day end</translation>
    </message>
    <message>
        <source>说明（名下仍有空白卡未交回时必填）</source>
        <translation>Note (required while blank cards are still held)</translation>
    </message>
    <message>
        <source>主管强制结束会话（会话遗留未结束时）</source>
        <translation>Supervisor force-closes a session (left open)</translation>
    </message>
    <message>
        <source>例如：柜员已下班未日终、电脑故障</source>
        <translation>e.g. teller left without closing, PC failure</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>已由主管 {0}（远程授权）强制结束柜员 {1} 的会话（已记入审计日志）。</source>
        <translation>Supervisor {0} (remote approval) force-closed teller {1}&apos;s session (written to the audit log).</translation>
    </message>
    <message>
        <source>已由主管 {0} 强制结束柜员 {1} 的会话（已记入审计日志）。</source>
        <translation>Supervisor {0} force-closed teller {1}&apos;s session (written to the audit log).</translation>
    </message>
    <message>
        <source>请在列表中选择要强制结束的会话。</source>
        <translation>Choose the session to force-close in the list.</translation>
    </message>
    <message>
        <source>主管密码</source>
        <translation>Supervisor password</translation>
    </message>
    <message>
        <source>动态验证码</source>
        <translation>One-time code</translation>
    </message>
    <message>
        <source>强制结束所选会话</source>
        <translation>Force-close selected session</translation>
    </message>
    <message>
        <source>营业中：{0}。营业结束时请日终结束会话。</source>
        <translation>Open: {0}. Close the session at day end.</translation>
    </message>
    <message>
        <source>您 {0} 的会话尚未日终：{1}。请先结束该会话，再开始今日营业。</source>
        <translation>Your session of {0} is not closed: {1}. Close it first, then open for today.</translation>
    </message>
    <message>
        <source>本柜台仍有其他柜员未结束的会话（{0}）。请该柜员日终结束，或请主管在下方强制结束。</source>
        <translation>Another teller&apos;s session is still open at this counter ({0}). That teller closes it at day end, or a supervisor force-closes it below.</translation>
    </message>
    <message>
        <source>今日（{0}）尚未开始营业：需要会话的业务暂不能办理。请录入备用金后开始营业。</source>
        <translation>Not open today ({0}): businesses needing a session cannot be done. Enter the float and open.</translation>
    </message>
    <message>
        <source>本网点无空白卡库存</source>
        <translation>This branch keeps no blank card stock</translation>
    </message>
    <message>
        <source>{0} 张（今日领用未交回）</source>
        <translation>{0} (drawn today, not returned)</translation>
    </message>
    <message>
        <source>已开始营业：柜台 {0}，备用金 {1}。</source>
        <translation>Open: counter {0}, float {1}.</translation>
    </message>
    <message>
        <source>正在开始营业…</source>
        <translation>Opening…</translation>
    </message>
    <message>
        <source>确定结束本人的会话吗？结束后需要会话的业务将不能办理。</source>
        <translation>Close your session? Businesses needing a session cannot be done afterwards.</translation>
    </message>
    <message>
        <source>会话已结束（营业日 {0}）。</source>
        <translation>Session closed (business day {0}).</translation>
    </message>
    <message>
        <source>正在结束会话…</source>
        <translation>Closing session…</translation>
    </message>
    <message>
        <source>最近7天</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>最近14天</source>
        <translation>Last 14 days</translation>
    </message>
    <message>
        <source>最近30天</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>最近90天</source>
        <translation>Last 90 days</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>导出PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>业务总量（笔）</source>
        <translation>Total businesses</translation>
    </message>
    <message>
        <source>其中周末（笔）</source>
        <translation>Of which at weekends</translation>
    </message>
    <message>
        <source>周末占比</source>
        <translation>Weekend share</translation>
    </message>
    <message>
        <source>在柜未领卡（张）</source>
        <translation>Uncollected cards held</translation>
    </message>
    <message>
        <source>每日业务量（按业务类型堆叠）</source>
        <translation>Daily volume (stacked by business type)</translation>
    </message>
    <message>
        <source>工作日与周末业务量</source>
        <translation>Weekday and weekend volume</translation>
    </message>
    <message>
        <source>在柜未领卡片（按已保管天数）</source>
        <translation>Uncollected cards (by days held)</translation>
    </message>
    <message>
        <source>每笔业务平均耗时（软件耗时：柜员等待系统的时间；柜面耗时：从开始到办结）</source>
        <translation>Average time per business (software: the teller waiting for the system; counter: start to finish)</translation>
    </message>
    <message>
        <source>笔数</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>平均软件耗时</source>
        <translation>Avg. software time</translation>
    </message>
    <message>
        <source>平均柜面耗时</source>
        <translation>Avg. counter time</translation>
    </message>
    <message>
        <source>正在统计…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <source>统计期间 {0:%Y-%m-%d} 至 {1:%Y-%m-%d}（北京时间），本机柜台办结的业务。</source>
        <translation>Period {0:%Y-%m-%d} to {1:%Y-%m-%d} (Beijing time), businesses completed at this counter.</translation>
    </message>
    <message>
        <source>工作日</source>
        <translation>Weekdays</translation>
    </message>
    <message>
        <source>周末</source>
        <translation>Weekends</translation>
    </message>
    <message>
        <source>{0} {1} 笔</source>
        <translation>{0} {1}</translation>
    </message>
    <message>
        <source>张数</source>
        <translation>Cards</translation>
    </message>
    <message>
        <source>中心汇总：{0}</source>
        <translation>Central totals: {0}</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>中心汇总（本网点全部柜台，同期）：{0}；合计 {1} 笔。</source>
        <translation>Central totals (all counters of this branch, same period): {0}; {1} in all.</translation>
    </message>
    <message>
        <source>网点统计_{0:%Y%m%d}-{1:%Y%m%d}.pdf</source>
        <translation>branch-statistics_{0:%Y%m%d}-{1:%Y%m%d}.pdf</translation>
    </message>
    <message>
        <source>导出网点统计</source>
        <translation>Export branch statistics</translation>
    </message>
    <message>
        <source>已导出：{0}</source>
        <translation>Exported: {0}</translation>
    </message>
    <message>
        <source>导出失败：{0}</source>
        <translation>Export failed: {0}</translation>
    </message>
    <message>
        <source>{0}分{1:02d}秒</source>
        <translation>{0} min {1:02d} s</translation>
    </message>
    <message>
        <source>{0:.1f}秒</source>
        <translation>{0:.1f} s</translation>
    </message>
    <message>
        <source>本网点为非即办网点（申领后由中心集中制卡），不存放空白卡，因此没有空白卡库存业务。

空白卡库存仅在即时制卡网点使用：空白卡入库、柜员领用与交回、废卡登记（主管授权）、盘点对账。如本网点已开通即时制卡，请联系网点技术支持更新网点配置。</source>
        <translation>This branch does not issue instantly (cards are made by central production), keeps no blank cards and so has no blank card stock.

Blank card stock is used only at instant issuance branches: receiving blank cards, tellers drawing and returning them, recording spoiled cards (supervisor authorisation), stocktaking. If this branch now offers instant issuance, ask branch IT support to update the branch profile.</translation>
    </message>
    <message>
        <source>空白卡入库</source>
        <translation>Receive blank cards</translation>
    </message>
    <message>
        <source>录入箱号后逐张将空白卡插入读卡器按 F2 读卡登记；有供应商清单（CSV：箱号,芯片序列号）时先导入清单，再逐张读卡核对，结束核对时列出清单上未见到的卡。</source>
        <translation>Enter the box no., then insert each blank card and press F2 to record it; with a supplier list (CSV: box no., chip serial) import it first and check each card against it; finishing lists the cards on the list not seen.</translation>
    </message>
    <message>
        <source>例如 BOX-20260302-01</source>
        <translation>e.g. BOX-20260302-01</translation>
    </message>
    <message>
        <source>箱号</source>
        <translation>Box no.</translation>
    </message>
    <message>
        <source>开始入库（无清单）</source>
        <translation>Start (no list)</translation>
    </message>
    <message>
        <source>导入供应商清单…</source>
        <translation>Import supplier list…</translation>
    </message>
    <message>
        <source>读卡入库 (F2)</source>
        <translation>Read and receive (F2)</translation>
    </message>
    <message>
        <source>结束核对</source>
        <translation>Finish checking</translation>
    </message>
    <message>
        <source>本箱问题（不在清单、重复、未见到）：</source>
        <translation>Problems in this box (not listed, duplicate, not seen):</translation>
    </message>
    <message>
        <source>尚未开始入库。</source>
        <translation>Receiving not started.</translation>
    </message>
    <message>
        <source>供应商清单 {0} 张，已核对入库 {1} 张，待读 {2} 张</source>
        <translation>Supplier list {0}, checked in {1}, still to read {2}</translation>
    </message>
    <message>
        <source>无清单，已读卡入库 {0} 张</source>
        <translation>No list, {0} read in</translation>
    </message>
    <message>
        <source>供应商清单 {0} 张，核对入库 {1} 张，缺卡 {2} 张（核对已结束）</source>
        <translation>Supplier list {0}, checked in {1}, missing {2} (check finished)</translation>
    </message>
    <message>
        <source>箱号 {0}：{1}</source>
        <translation>Box {0}: {1}</translation>
    </message>
    <message>
        <source>清单上的芯片序列号 {0} 未在箱内见到（缺卡），请报告主管并联系供应商。</source>
        <translation>Chip serial {0} on the list was not in the box (missing): report it to a supervisor and contact the supplier.</translation>
    </message>
    <message>
        <source>领用 / 交回</source>
        <translation>Draw / return</translation>
    </message>
    <message>
        <source>柜员当日领用空白卡（按张数从库存中交给柜员保管），营业结束交回未用的卡。保管只在领用当日有效。</source>
        <translation>Tellers draw blank cards for the day (a number of cards from stock into their custody) and return unused ones at close. Custody lasts only for the day drawn.</translation>
    </message>
    <message>
        <source>默认为本人 {0}</source>
        <translation>Defaults to you ({0})</translation>
    </message>
    <message>
        <source>保管柜员</source>
        <translation>Custodian teller</translation>
    </message>
    <message>
        <source>领用张数</source>
        <translation>Cards to draw</translation>
    </message>
    <message>
        <source>领用（交给柜员保管）</source>
        <translation>Draw (into teller&apos;s custody)</translation>
    </message>
    <message>
        <source>交回库存（该柜员保管的全部）</source>
        <translation>Return to stock (all that teller holds)</translation>
    </message>
    <message>
        <source>登记废卡</source>
        <translation>Record spoiled card</translation>
    </message>
    <message>
        <source>写坏、损坏的空白卡登记为废卡（不再使用，交回制卡中心），须写明原因并由主管输入账号密码授权。</source>
        <translation>A blank card spoiled in writing or damaged is recorded as spoiled (not used again, returned to the production centre); a reason and a supervisor&apos;s account and password are required.</translation>
    </message>
    <message>
        <source>16位芯片序列号（卡背面或读卡得到）</source>
        <translation>16-character chip serial (back of the card or read)</translation>
    </message>
    <message>
        <source>芯片序列号</source>
        <translation>Chip serial</translation>
    </message>
    <message>
        <source>至少4个字，记入审计日志</source>
        <translation>At least 4 characters, written to the audit log</translation>
    </message>
    <message>
        <source>主管账号</source>
        <translation>Supervisor account</translation>
    </message>
    <message>
        <source>主管授权并登记废卡</source>
        <translation>Authorise and record spoiled card</translation>
    </message>
    <message>
        <source>盘点对账</source>
        <translation>Stocktake</translation>
    </message>
    <message>
        <source>随时或营业结束时盘点：入库 = 库存 + 柜员保管 + 已发卡 + 废卡，逐个柜员核对当日领用。录入实点张数可核对实物；任何差异都会列出并打印在盘点表上。</source>
        <translation>Stocktake at any time or at close: received = stock + held by tellers + issued + spoiled, with each teller&apos;s draws for the day checked. Enter counted numbers to check the physical cards; any difference is listed and printed on the stocktake sheet.</translation>
    </message>
    <message>
        <source>库存实点张数</source>
        <translation>Stock counted</translation>
    </message>
    <message>
        <source>可不填</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>本人保管实点张数</source>
        <translation>Held by me, counted</translation>
    </message>
    <message>
        <source>全网点盘点对账</source>
        <translation>Branch stocktake</translation>
    </message>
    <message>
        <source>本人保管对账</source>
        <translation>My custody check</translation>
    </message>
    <message>
        <source>打印预览盘点表</source>
        <translation>Preview stocktake sheet</translation>
    </message>
    <message>
        <source>盘点表另存为PDF</source>
        <translation>Save stocktake as PDF</translation>
    </message>
    <message>
        <source>打印盘点表</source>
        <translation>Print stocktake sheet</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&#x3000;{1}&lt;/b&gt;&#x3000;入库 {2} {3} 库存 {4} + 柜员保管 {5} + 已发卡 {6} + 废卡 {7}</source>
        <translation>&lt;b&gt;{0}  {1}&lt;/b&gt;  received {2} {3} stock {4} + held by tellers {5} + issued {6} + spoiled {7}</translation>
    </message>
    <message>
        <source>柜员 {0}</source>
        <translation>Teller {0}</translation>
    </message>
    <message>
        <source>全网点</source>
        <translation>Whole branch</translation>
    </message>
    <message>
        <source>柜员 {0}：领用 {1}，交回 {2}，发卡 {3}，废卡 {4}，在保管 {5}</source>
        <translation>Teller {0}: drawn {1}, returned {2}, issued {3}, spoiled {4}, held {5}</translation>
    </message>
    <message>
        <source>，实点 {0}</source>
        <translation>, counted {0}</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:{0}; font-weight:bold;&quot;&gt;差异 {1} 项：&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;color:{0}; font-weight:bold;&quot;&gt;{1} difference(s):&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:{0}; font-weight:bold;&quot;&gt;账实相符，无差异。&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;color:{0}; font-weight:bold;&quot;&gt;Books and count agree; no differences.&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:{0};&quot;&gt;盘点表编号 {1}&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;color:{0};&quot;&gt;Stocktake no. {1}&lt;/span&gt;</translation>
    </message>
    <message>
        <source>空白卡库存</source>
        <translation>Blank card stock</translation>
    </message>
    <message>
        <source>正在登记箱号…</source>
        <translation>Recording box no.…</translation>
    </message>
    <message>
        <source>箱号 {0} 已登记，请逐张插入空白卡按 F2 读卡入库。</source>
        <translation>Box {0} recorded; insert each blank card and press F2 to receive it.</translation>
    </message>
    <message>
        <source>导入供应商清单（CSV）</source>
        <translation>Import supplier list (CSV)</translation>
    </message>
    <message>
        <source>CSV 文件 (*.csv *.txt)</source>
        <translation>CSV files (*.csv *.txt)</translation>
    </message>
    <message>
        <source>正在读取空白卡…</source>
        <translation>Reading blank card…</translation>
    </message>
    <message>
        <source>箱号 {0} 核对结束：入库 {1} 张</source>
        <translation>Box {0} check finished: {1} received</translation>
    </message>
    <message>
        <source>，问题 {0} 项（见下方列表）。</source>
        <translation>, {0} problem(s) (listed below).</translation>
    </message>
    <message>
        <source>，与清单一致。</source>
        <translation>, matching the list.</translation>
    </message>
    <message>
        <source>正在结束核对…</source>
        <translation>Finishing check…</translation>
    </message>
    <message>
        <source>正在领用…</source>
        <translation>Drawing…</translation>
    </message>
    <message>
        <source>正在交回…</source>
        <translation>Returning…</translation>
    </message>
    <message>
        <source>等</source>
        <translation>etc.</translation>
    </message>
    <message>
        <source>网点库存 {0} 张；柜员 {1} 保管 {2} 张</source>
        <translation>Branch stock {0}; teller {1} holds {2}</translation>
    </message>
    <message>
        <source>：{0}</source>
        <translation>: {0}</translation>
    </message>
    <message>
        <source>正在授权并登记废卡…</source>
        <translation>Authorising and recording spoiled card…</translation>
    </message>
    <message>
        <source>正在核验远程授权并登记废卡…</source>
        <translation>Checking the remote approval and registering the spoiled card…</translation>
    </message>
    <message>
        <source>正在盘点对账…</source>
        <translation>Taking stock…</translation>
    </message>
    <message>
        <source>正在生成盘点表…</source>
        <translation>Generating stocktake sheet…</translation>
    </message>
    <message>
        <source>空白卡盘点表</source>
        <translation>Blank card stocktake</translation>
    </message>
    <message>
        <source>空白卡盘点表-{0}.pdf</source>
        <translation>blank-card-stocktake-{0}.pdf</translation>
    </message>
    <message>
        <source>盘点表已保存为 {0}</source>
        <translation>Stocktake sheet saved as {0}</translation>
    </message>
    <message>
        <source>盘点表保存失败（{0}），请换一个位置。</source>
        <translation>Could not save the stocktake sheet ({0}); choose another location.</translation>
    </message>
    <message>
        <source>本机没有可用的打印机，盘点表未打印。请“另存为PDF”后到可打印的电脑打印。</source>
        <translation>No printer available on this PC; the stocktake sheet was not printed. Use &quot;Save as PDF&quot; and print on a PC that can.</translation>
    </message>
    <message>
        <source>空白卡盘点表 {0}</source>
        <translation>Blank card stocktake {0}</translation>
    </message>
    <message>
        <source>盘点表已发送到打印机“{0}”（{1} 页）。</source>
        <translation>Stocktake sheet sent to printer &quot;{0}&quot; ({1} page(s)).</translation>
    </message>
    <message>
        <source>打开{0}</source>
        <translation>Open {0}</translation>
    </message>
    <message>
        <source>导入供应商清单</source>
        <translation>Import supplier list</translation>
    </message>
    <message>
        <source>读卡入库 {0}</source>
        <translation>Read in {0}</translation>
    </message>
    <message>
        <source>重复读卡</source>
        <translation>Read twice</translation>
    </message>
    <message>
        <source>不在清单的卡</source>
        <translation>Card not on the list</translation>
    </message>
    <message>
        <source>领用5张</source>
        <translation>Draw 5</translation>
    </message>
    <message>
        <source>写卡中断，芯片无响应</source>
        <translation>Writing interrupted, chip not responding</translation>
    </message>
    <message>
        <source>主管授权登记废卡</source>
        <translation>Supervisor authorises spoiled card</translation>
    </message>
    <message>
        <source>盘点对账（库存短少）</source>
        <translation>Stocktake (stock short)</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>柜员</source>
        <translation>Teller</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>内容（个人信息不显示）</source>
        <translation>Details (personal data hidden)</translation>
    </message>
    <message>
        <source>（全部）</source>
        <translation>(all)</translation>
    </message>
    <message>
        <source>尚未校验审计链。</source>
        <translation>Audit chain not verified yet.</translation>
    </message>
    <message>
        <source>完整校验</source>
        <translation>Full verification</translation>
    </message>
    <message>
        <source>如 2026-11-01</source>
        <translation>e.g. 2026-11-01</translation>
    </message>
    <message>
        <source>截止日期，含当天</source>
        <translation>End date, inclusive</translation>
    </message>
    <message>
        <source>柜员、操作名称或序号，如“授权”“S0301”</source>
        <translation>Teller, action name or no., e.g. &quot;authorise&quot;, &quot;S0301&quot;</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>上一页</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>下一页</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>正在读取审计日志…</source>
        <translation>Reading audit log…</translation>
    </message>
    <message>
        <source>查询条件不正确。</source>
        <translation>Invalid search criteria.</translation>
    </message>
    <message>
        <source>正在查询审计日志…</source>
        <translation>Searching audit log…</translation>
    </message>
    <message>
        <source>正在完整校验审计链（逐条核对校验码）…</source>
        <translation>Verifying the whole audit chain (each entry&apos;s check code)…</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>中心拒绝代码</source>
        <translation>Central refusal code</translation>
    </message>
    <message>
        <source>拒绝原因</source>
        <translation>Refusal reason</translation>
    </message>
    <message>
        <source>尝试次数</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>入队时间</source>
        <translation>Queued at</translation>
    </message>
    <message>
        <source>最后尝试</source>
        <translation>Last attempt</translation>
    </message>
    <message>
        <source>正在读取异常件…</source>
        <translation>Reading failed items…</translation>
    </message>
    <message>
        <source>重新上传（原幂等键，中心不会重复办理）</source>
        <translation>Upload again (same idempotency key; the central system will not process it twice)</translation>
    </message>
    <message>
        <source>作废（记录保留，不再上传）</source>
        <translation>Void (record kept, not uploaded again)</translation>
    </message>
    <message>
        <source>决定</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>必填，至少4个字，例如：已补齐证明材料 / 申请人放弃办理</source>
        <translation>Required, at least 4 characters, e.g. missing proof supplied / applicant withdrew</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>提交决定</source>
        <translation>Submit decision</translation>
    </message>
    <message>
        <source>共 {0} 笔异常件：中心拒绝、不会自动重发的业务。同一群众之后的业务会等它处理后才上传。请核实后选择重新上传或作废；系统不会删除任何记录。</source>
        <translation>{0} failed item(s): businesses the central system refused and that are not resent automatically. The same person&apos;s later businesses wait until it is dealt with. Check, then upload again or void; the system never deletes a record.</translation>
    </message>
    <message>
        <source>没有异常件。</source>
        <translation>No failed items.</translation>
    </message>
    <message>
        <source>（已记入审计日志）</source>
        <translation> (written to the audit log)</translation>
    </message>
    <message>
        <source>异常件</source>
        <translation>Failed items</translation>
    </message>
    <message>
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>柜员与角色</source>
        <translation>Tellers and roles</translation>
    </message>
    <message>
        <source>远程授权</source>
        <translation>Remote approval</translation>
    </message>
    <message>
        <source>{0}。每项决定均须主管授权（账号、密码{1}）并写明理由，记入审计日志；不会删除任何记录。</source>
        <translation>{0}. Each decision needs a supervisor&apos;s authorisation (account, password{1}) and a reason, written to the audit log; no record is ever deleted.</translation>
    </message>
    <message>
        <source>和动态验证码</source>
        <translation> and one-time code</translation>
    </message>
    <message>
        <source>营业日</source>
        <translation>Business day</translation>
    </message>
    <message>
        <source>开始时间</source>
        <translation>Opened at</translation>
    </message>
    <message>
        <source>已开</source>
        <translation>Open for</translation>
    </message>
    <message>
        <source>必填，至少4个字，例如：柜员已下班未日终、电脑故障</source>
        <translation>Required, at least 4 characters, e.g. teller left without closing, PC failure</translation>
    </message>
    <message>
        <source>（未日终）</source>
        <translation> (not closed)</translation>
    </message>
    <message>
        <source>共 {0} 个未结束的会话</source>
        <translation>{0} open session(s)</translation>
    </message>
    <message>
        <source>，其中 {0} 个是以前营业日的（应已日终）</source>
        <translation>, {0} of them from earlier business days (should have been closed)</translation>
    </message>
    <message>
        <source>。柜员无法自行日终时（已下班、电脑故障），可由主管强制结束。</source>
        <translation>. When a teller cannot close (gone home, PC failure), a supervisor can force-close.</translation>
    </message>
    <message>
        <source>没有未结束的会话。</source>
        <translation>No open sessions.</translation>
    </message>
    <message>
        <source>已由主管 {0} 强制结束柜员 {1} 在柜台 {2} 的会话（已记入审计日志）。</source>
        <translation>Supervisor {0} force-closed teller {1}&apos;s session at counter {2} (written to the audit log).</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>连续失败</source>
        <translation>Failed attempts</translation>
    </message>
    <message>
        <source>正在读取账户…</source>
        <translation>Reading accounts…</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Disable</translation>
    </message>
    <message>
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>绑定动态验证码</source>
        <translation>Bind authenticator</translation>
    </message>
    <message>
        <source>停用时必填，至少4个字，例如：调离本网点</source>
        <translation>Required to disable, at least 4 characters, e.g. transferred to another branch</translation>
    </message>
    <message>
        <source>停用原因</source>
        <translation>Reason for disabling</translation>
    </message>
    <message>
        <source>角色改为</source>
        <translation>New role</translation>
    </message>
    <message>
        <source>更改角色</source>
        <translation>Change role</translation>
    </message>
    <message>
        <source>解锁（连续输错密码被锁定的账户，须主管授权）</source>
        <translation>Unlock (an account locked after wrong passwords; supervisor authorisation required)</translation>
    </message>
    <message>
        <source>解锁所选账户</source>
        <translation>Unlock selected account</translation>
    </message>
    <message>
        <source>添加账户</source>
        <translation>Add account</translation>
    </message>
    <message>
        <source>如 T0305（字母开头，3–16位字母或数字）</source>
        <translation>e.g. T0305 (starts with a letter, 3–16 letters or digits)</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>共 {0} 个账户</source>
        <translation>{0} account(s)</translation>
    </message>
    <message>
        <source>，{0} 个已锁定</source>
        <translation>, {0} locked</translation>
    </message>
    <message>
        <source>。新账户和重置后的密码为临时密码，柜员首次登录后须修改。</source>
        <translation>. New and reset passwords are temporary and must be changed at the teller&apos;s first sign-in.</translation>
    </message>
    <message>
        <source>请先在列表中选中一个账户。</source>
        <translation>Select an account in the list first.</translation>
    </message>
    <message>
        <source>已添加账户 {0}（{1}）。临时密码：{2}（只显示这一次，请当面告知本人，首次登录后须修改）。</source>
        <translation>Account {0} ({1}) added. Temporary password: {2} (shown only this once; tell the person face to face; it must be changed at first sign-in).</translation>
    </message>
    <message>
        <source>正在添加账户…</source>
        <translation>Adding account…</translation>
    </message>
    <message>
        <source>账户 {0} 已停用（已记入审计日志）。</source>
        <translation>Account {0} disabled (written to the audit log).</translation>
    </message>
    <message>
        <source>正在停用…</source>
        <translation>Disabling…</translation>
    </message>
    <message>
        <source>账户 {0} 已启用。</source>
        <translation>Account {0} enabled.</translation>
    </message>
    <message>
        <source>正在启用…</source>
        <translation>Enabling…</translation>
    </message>
    <message>
        <source>账户 {0} 的角色已改为{1}（已记入审计日志，下次登录起生效）。</source>
        <translation>Account {0} is now {1} (recorded in the audit log; takes effect at its next sign-in).</translation>
    </message>
    <message>
        <source>正在更改角色…</source>
        <translation>Changing the role…</translation>
    </message>
    <message>
        <source>账户 {0} 的密码已重置。临时密码：{1}（只显示这一次，请当面告知本人，下次登录后须修改）。</source>
        <translation>Account {0}&apos;s password has been reset. Temporary password: {1} (shown only this once; tell the person face to face; it must be changed at next sign-in).</translation>
    </message>
    <message>
        <source>正在重置密码…</source>
        <translation>Resetting password…</translation>
    </message>
    <message>
        <source>账户 {0} 已解锁（授权主管 {1}，已记入审计日志）。</source>
        <translation>Account {0} unlocked (authorised by supervisor {1}, written to the audit log).</translation>
    </message>
    <message>
        <source>正在生成二维码…</source>
        <translation>Generating QR code…</translation>
    </message>
    <message>
        <source>账户 {0} 已绑定动态验证码；此后授权须输入验证器上的6位数字。</source>
        <translation>Account {0} is bound to an authenticator; authorisations now need its 6-digit code.</translation>
    </message>
    <message>
        <source>未绑定（已取消）。</source>
        <translation>Not bound (cancelled).</translation>
    </message>
    <message>
        <source>登录（{0}）</source>
        <translation>Sign in ({0})</translation>
    </message>
    <message>
        <source>主管授权解锁柜员</source>
        <translation>Supervisor unlocks teller</translation>
    </message>
    <message>
        <source>申请人未带公安机关证明，本次不予变更</source>
        <translation>The applicant brought no police certificate; no change this time</translation>
    </message>
    <message>
        <source>主管决定异常件（作废）</source>
        <translation>Supervisor decides a failed item (void)</translation>
    </message>
    <message>
        <source>签退（{0}）</source>
        <translation>Sign out ({0})</translation>
    </message>
    <message>
        <source>主管远程批准（登记废卡）</source>
        <translation>Supervisor approves remotely (spoil a card)</translation>
    </message>
    <message>
        <source>手机身份验证器上显示的6位数字</source>
        <translation>The 6 digits shown on the phone authenticator</translation>
    </message>
    <message>
        <source>请主管输入账号。</source>
        <translation>Supervisor: enter your account.</translation>
    </message>
    <message>
        <source>请主管输入密码。</source>
        <translation>Supervisor: enter your password.</translation>
    </message>
    <message>
        <source>请输入{0}。</source>
        <translation>Enter the {0}.</translation>
    </message>
    <message>
        <source>主管授权</source>
        <translation>Supervisor authorisation</translation>
    </message>
    <message>
        <source>请其他柜台主管远程授权</source>
        <extracomment>the text, or a function giving it when the button is pressed (from what the screen holds then; a CounterError it raises is shown and nothing is sent)</extracomment>
        <translation>Ask a supervisor at another counter</translation>
    </message>
    <message>
        <source>停止等待</source>
        <translation>Stop waiting</translation>
    </message>
    <message>
        <source>正在发送远程授权请求…</source>
        <translation>Sending the remote approval request…</translation>
    </message>
    <message>
        <source>已停止等待远程授权（编号 {0}）并撤回该请求（中心未连通时该请求将自动过期）。</source>
        <translation>Stopped waiting for remote approval (no. {0}) and withdrew the request (if the central cannot be reached, the request expires by itself).</translation>
    </message>
    <message>
        <source>柜台正忙，未使用该远程授权（可重新发起）。</source>
        <translation>The counter was busy: this remote approval was not used (you can ask again).</translation>
    </message>
    <message>
        <source>已发出远程授权请求，编号 {0}。请本网点其他柜台的主管在“主管管理 → 远程授权”中核对编号后批准；等待中…</source>
        <translation>Remote approval request sent, number {0}. A supervisor at another counter of this branch checks the number under &quot;Supervision → Remote approval&quot; and approves it; waiting…</translation>
    </message>
    <message>
        <source>远程授权失败，请主管当面授权。</source>
        <translation>Remote approval failed; ask a supervisor to authorise in person.</translation>
    </message>
    <message>
        <source>主管 {0} 已在柜台 {1} 批准（编号 {2}）。</source>
        <translation>Supervisor {0} approved at counter {1} (number {2}).</translation>
    </message>
    <message>
        <source>主管 {0} 拒绝了远程授权：{1}</source>
        <translation>Supervisor {0} refused the remote approval: {1}</translation>
    </message>
    <message>
        <source>远程授权请求已过期，可重新发起或请主管当面授权。</source>
        <translation>The remote approval request expired; ask again or have a supervisor authorise in person.</translation>
    </message>
    <message>
        <source>授权</source>
        <extracomment>the request id of an approval given at another counter (远程授权), once approved</extracomment>
        <translation>Authorise</translation>
    </message>
    <message>
        <source>请填写原因。</source>
        <translation>Give a reason.</translation>
    </message>
    <message>
        <source>绑定动态验证码：{0}</source>
        <translation>Bind authenticator: {0}</translation>
    </message>
    <message>
        <source>请账户“{0}”的本人用手机身份验证器（如 Microsoft Authenticator、Google 身份验证器、FreeOTP）扫描下面的二维码，再输入验证器显示的6位数字完成绑定。二维码只在此显示一次，请勿拍照留存。</source>
        <translation>The holder of account &quot;{0}&quot; scans the QR code below with a phone authenticator (e.g. Microsoft Authenticator, Google Authenticator, FreeOTP), then enters the 6 digits it shows. The QR code is shown only once here; do not photograph it.</translation>
    </message>
    <message>
        <source>无法扫码时手动输入密钥：{0}</source>
        <translation>If it cannot be scanned, enter the key by hand: {0}</translation>
    </message>
    <message>
        <source>验证码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>确认绑定</source>
        <translation>Confirm binding</translation>
    </message>
    <message>
        <source>修改临时密码</source>
        <translation>Change temporary password</translation>
    </message>
    <message>
        <source>账户“{0}”正在使用主管或管理员设置的临时密码，须先设置本人的新密码（至少8位，同时包含字母和数字，不能包含用户名）才能开始办理业务。</source>
        <translation>Account &quot;{0}&quot; is using a temporary password set by a supervisor or administrator: set your own new password (at least 8 characters, letters and digits, not containing the user name) before starting business.</translation>
    </message>
    <message>
        <source>确认新密码</source>
        <translation>Confirm new password</translation>
    </message>
    <message>
        <source>取消（签退）</source>
        <translation>Cancel (sign out)</translation>
    </message>
    <message>
        <source>两次输入的新密码不一致，请重新输入。</source>
        <translation>The two new passwords differ; enter them again.</translation>
    </message>
    <message>
        <source>资格核验</source>
        <translation>Eligibility</translation>
    </message>
    <message>
        <source>材料核对</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>申请人信息</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>监护人信息</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <source>照片采集</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>核对提交</source>
        <translation>Review and submit</translation>
    </message>
    <message>
        <source>打印单据</source>
        <translation>Print documents</translation>
    </message>
    <message>
        <source>请点击“提交申领”。</source>
        <translation>Please click &quot;Submit application&quot;.</translation>
    </message>
    <message>
        <source>本笔申领已完成。</source>
        <translation>This application is complete.</translation>
    </message>
    <message>
        <source>找不到该业务草稿，可能已被处理或放弃。</source>
        <translation>The draft was not found; it may have been processed or abandoned.</translation>
    </message>
    <message>
        <source>该业务草稿无法读取（可能由更新版本的程序保存，或已损坏），请新建申领；如需恢复请联系网点技术支持。</source>
        <translation>The draft cannot be read (it may have been saved by a newer version of the program, or be damaged). Start a new application; to recover it, contact branch IT support.</translation>
    </message>
    <message>
        <source>（尚未录入申请人）</source>
        <translation>(applicant not entered yet)</translation>
    </message>
    <message>
        <source>本柜台未配置身份证阅读器，请手工录入身份证号码。</source>
        <translation>This counter has no ID card reader configured; enter the ID number by hand.</translation>
    </message>
    <message>
        <source>该身份证已过有效期，请申请人持有效证件办理。</source>
        <translation>This ID card has expired; the applicant must bring a valid ID.</translation>
    </message>
    <message>
        <source>请先采集照片。</source>
        <translation>Capture the photo first.</translation>
    </message>
    <message>
        <source>本机未配置主管授权，不能人工放行照片，请重新采集照片。</source>
        <translation>Supervisor authorisation is not configured on this machine, so a photo cannot be released by hand; please capture the photo again.</translation>
    </message>
    <message>
        <source>人工放行照片</source>
        <translation>Release the photo by hand</translation>
    </message>
    <message>
        <source>请拍照或导入申请人照片。</source>
        <translation>Take or import the applicant&apos;s photo.</translation>
    </message>
    <message>
        <source>照片未通过检查：{titles}。请重新采集，或对可放行的项目填写理由后放行。</source>
        <translation>The photo failed the checks: {titles}. Capture it again, or give a reason for the checks that may be released and release it.</translation>
    </message>
    <message>
        <source>本笔申领尚未受理，不能登记收费。</source>
        <translation>This application has not been accepted yet; no fee can be recorded.</translation>
    </message>
    <message>
        <source>申领尚未受理，不能打印。</source>
        <translation>The application has not been accepted yet; nothing can be printed.</translation>
    </message>
    <message>
        <source>本业务正在建设中，将在后续版本开放。</source>
        <translation>This business is under construction and will come in a later version.</translation>
    </message>
    <message>
        <source>采集申请人信息与照片，提交申领并打印登记表和回执</source>
        <translation>Applicant&apos;s data and photo, submit, print the form and receipt</translation>
    </message>
    <message>
        <source>从空白卡库存制卡：写芯片、印卡面、检测、启用、设密码</source>
        <translation>Make a card from blank stock: chip, face, test, activate, PIN</translation>
    </message>
    <message>
        <source>空白卡入库（读卡或按供应商清单核对）、柜员领用与交回、废卡登记、盘点对账</source>
        <translation>Receive blanks (read or against the list), draw and return, spoiled cards, stocktake</translation>
    </message>
    <message>
        <source>跟踪制卡进度（含EMS）、批次逐张读卡签收、在柜卡片保管与未领卡清单</source>
        <translation>Track production (incl. EMS), receive batches card by card, uncollected cards</translation>
    </message>
    <message>
        <source>核验身份（监护人、单位代领）、读卡核对、启用社保卡并由持卡人设置密码</source>
        <translation>Verify the collector (guardian, employer), check the card, activate, set PIN</translation>
    </message>
    <message>
        <source>正式挂失（含临时挂失转正式挂失）与解除挂失（解挂仅限本行发行的卡）</source>
        <translation>Formal loss report (incl. from temporary) and its cancellation (own bank&apos;s cards)</translation>
    </message>
    <message>
        <source>补卡 / 换卡</source>
        <translation>Replacement / exchange</translation>
    </message>
    <message>
        <source>遗失补卡、损坏换卡、同号换卡（仅限本行发行的卡）</source>
        <translation>Replace lost or damaged cards, same-number exchange (own bank&apos;s cards only)</translation>
    </message>
    <message>
        <source>读卡、修改密码、密码重置解锁、信息变更写卡</source>
        <translation>Read card, change PIN, reset and unlock PIN, write changed data to the card</translation>
    </message>
    <message>
        <source>打印由中心出具的个人参保证明（带授权码与二维码），核验证明真伪</source>
        <translation>Print the central&apos;s contribution certificate (code and QR); verify certificates</translation>
    </message>
    <message>
        <source>查询参保信息、缴费记录、卡片状态与制卡进度，可打印查询结果</source>
        <translation>Insurance, contributions, card status and production progress; print the result</translation>
    </message>
    <message>
        <source>个人以单位职工（按统一社会信用代码查询单位）或灵活就业人员身份参保，缴费基数在中心核定范围内</source>
        <translation>Register an employee (employer by credit code) or a flexible worker, base in range</translation>
    </message>
    <message>
        <source>变更联系电话、地址、学历、婚姻状况；参加工作时间、出生日期凭档案；姓名、身份证号码、性别凭证明</source>
        <translation>Phone, address, education, marriage; dates by records; name, ID, sex with proof</translation>
    </message>
    <message>
        <source>证明类型与期间</source>
        <translation>Type and period</translation>
    </message>
    <message>
        <source>打印证明</source>
        <translation>Print certificate</translation>
    </message>
    <message>
        <source>参保证明须由中心系统实时出具（授权码和二维码由中心生成），当前无法连接中心系统，请线路恢复后再办理；柜面不能离线出具参保证明。</source>
        <translation>An insurance certificate must be issued by the central system in real time (it generates the authorisation code and QR code), which cannot be reached now. Please process it once the line is restored; the counter cannot issue certificates offline.</translation>
    </message>
    <message>
        <source>打印参保证明须实时连接中心系统（每次打印、补打由中心登记次数，供查验人核验），当前无法连接中心系统，请线路恢复后再打印。</source>
        <translation>Printing an insurance certificate needs a live connection to the central system (it records every print and reprint for verifiers), which cannot be reached now. Please print once the line is restored.</translation>
    </message>
    <message>
        <source>请读取或录入身份证号码。</source>
        <translation>Read or enter the ID number.</translation>
    </message>
    <message>
        <source>请点击“出具参保证明”。</source>
        <translation>Please click &quot;Issue insurance certificate&quot;.</translation>
    </message>
    <message>
        <source>本笔证明已出具。</source>
        <translation>The certificate has been issued.</translation>
    </message>
    <message>
        <source>请选择缴费明细的起始月份和截止月份。</source>
        <translation>Choose the first and the last month of the contribution detail.</translation>
    </message>
    <message>
        <source>起始月份不能晚于截止月份。</source>
        <translation>The first month cannot be after the last month.</translation>
    </message>
    <message>
        <source>截止月份不能晚于本月。</source>
        <translation>The last month cannot be after this month.</translation>
    </message>
    <message>
        <source>缴费明细最多打印{max_months}个月，所选期间为{months}个月，请缩短期间。</source>
        <translation>The contribution detail covers at most {max_months} months; the chosen period has {months} months: shorten it.</translation>
    </message>
    <message>
        <source>请选择证明险种。</source>
        <translation>Choose the insurances to certify.</translation>
    </message>
    <message>
        <source>缴费明细期间应为月数。</source>
        <translation>The contribution detail period must be a number of months.</translation>
    </message>
    <message>
        <source>缴费明细最多打印近{max_months}个月，请选择1至{max_months}个月。</source>
        <translation>At most the last {max_months} months of contributions can be printed; choose 1 to {max_months} months.</translation>
    </message>
    <message>
        <source>请先核验身份并选择证明类型。</source>
        <translation>Verify identity and choose the certificate type first.</translation>
    </message>
    <message>
        <source>参保证明尚未出具，不能打印。</source>
        <translation>The insurance certificate has not been issued yet; it cannot be printed.</translation>
    </message>
    <message>
        <source>检测空白卡</source>
        <translation>Check blank card</translation>
    </message>
    <message>
        <source>中心分配卡号</source>
        <translation>Card no. from central</translation>
    </message>
    <message>
        <source>写入芯片</source>
        <translation>Write chip</translation>
    </message>
    <message>
        <source>打印卡面</source>
        <translation>Print card face</translation>
    </message>
    <message>
        <source>读卡核验</source>
        <translation>Read and verify</translation>
    </message>
    <message>
        <source>上报制卡结果</source>
        <translation>Report result</translation>
    </message>
    <message>
        <source>启用社保与金融功能</source>
        <translation>Activate functions</translation>
    </message>
    <message>
        <source>出具回执</source>
        <translation>Issue receipt</translation>
    </message>
    <message>
        <source>请插入空白卡（芯片朝上插入制卡读卡器）</source>
        <translation>Insert a blank card (chip up, into the issuance card reader)</translation>
    </message>
    <message>
        <source>无需操作，系统向中心申请卡号与制卡数据</source>
        <translation>Nothing to do: the system requests the card number and personalisation data from the central system</translation>
    </message>
    <message>
        <source>请勿移动卡片，芯片写入中</source>
        <translation>Do not move the card: writing the chip</translation>
    </message>
    <message>
        <source>请将卡片放入卡面打印机</source>
        <translation>Put the card into the card face printer</translation>
    </message>
    <message>
        <source>请将打印好的卡片插回读卡器</source>
        <translation>Put the printed card back into the card reader</translation>
    </message>
    <message>
        <source>无需操作，系统向中心上报制卡结果</source>
        <translation>Nothing to do: the system reports the issuance result to the central system</translation>
    </message>
    <message>
        <source>无需操作，系统启用社保功能与金融功能</source>
        <translation>Nothing to do: the system activates the social security and financial functions</translation>
    </message>
    <message>
        <source>请持卡人在密码键盘上输入6位数字密码（两次）</source>
        <translation>The cardholder enters a 6-digit PIN on the PIN pad (twice)</translation>
    </message>
    <message>
        <source>请取出卡片，连同回执交持卡人</source>
        <translation>Take out the card and give it to the cardholder with the receipt</translation>
    </message>
    <message>
        <source>主管</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>系统管理员</source>
        <extracomment>the profile&apos;s security.supervisor_second_factor: a sensitive act needs the supervisor&apos;s one-time code as well as the password the roles that may authorise now (domain.opening_hours.authorising_roles over the profile&apos;s hours and the clock: the weekend duty supervisor at weekends) remote approvals through the central (workflows.remote_approval), wired by the composition root; None: only an authorisation typed at this counter is possible</extracomment>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>值班主管</source>
        <translation>Duty supervisor</translation>
    </message>
    <message>
        <source>演示柜员 王芳</source>
        <extracomment>the roles that may hold an authenticator (whoever may ever authorise a sensitive act)</extracomment>
        <translation>Demo teller Wang Fang</translation>
    </message>
    <message>
        <source>演示主管 陈刚</source>
        <translation>Demo supervisor Chen Gang</translation>
    </message>
    <message>
        <source>演示管理员</source>
        <translation>Demo administrator</translation>
    </message>
    <message>
        <source>须先设置本人的新密码才能开始办理业务，已签退。请重新登录并设置新密码。</source>
        <translation>You must set your own new password before doing any business; you have been signed out. Please sign in again and set a new password.</translation>
    </message>
    <message>
        <source>密码至少需要8位。</source>
        <translation>The password must have at least 8 characters.</translation>
    </message>
    <message>
        <source>密码必须同时包含字母和数字。</source>
        <translation>The password must contain both letters and digits.</translation>
    </message>
    <message>
        <source>密码不能包含用户名。</source>
        <translation>The password must not contain the user name.</translation>
    </message>
    <message>
        <source>该账户已设置过密码，请直接登录。</source>
        <translation>This account already has a password; please sign in directly.</translation>
    </message>
    <message>
        <source>请输入用户名和密码。</source>
        <translation>Please enter the user name and password.</translation>
    </message>
    <message>
        <source>新密码不能与原密码相同。</source>
        <translation>The new password must differ from the old one.</translation>
    </message>
    <message>
        <source>“{role}”无权授权此操作，请由主管授权。</source>
        <translation>A “{role}” cannot authorise this operation; a supervisor must authorise it.</translation>
    </message>
    <message>
        <source>本柜台不能使用远程授权，请主管到本柜台当面授权。</source>
        <translation>Remote approval is not available at this counter; ask a supervisor to authorise in person.</translation>
    </message>
    <message>
        <source>没有这个在用的账户。</source>
        <translation>There is no active account with this name.</translation>
    </message>
    <message>
        <source>只有主管、值班主管和系统管理员需要绑定动态验证码。</source>
        <translation>Only supervisors, duty supervisors and system administrators need an authenticator code.</translation>
    </message>
    <message>
        <source>验证码与二维码不符：请确认已扫描本次显示的二维码、手机时间准确，再输入验证器显示的6位数字。</source>
        <translation>The code does not match the QR code: make sure you scanned the QR code shown now and the phone&apos;s time is correct, then enter the 6 digits the authenticator shows.</translation>
    </message>
    <message>
        <source>主管“{username}”尚未绑定动态验证码，不能授权。请主管登录后在“柜员与角色”中选中本人账户，点“绑定动态验证码”，用手机身份验证器扫码绑定；或请系统管理员为其绑定。</source>
        <translation>Supervisor “{username}” has no authenticator yet and cannot authorise. The supervisor signs in, selects their own account under “Tellers and roles”, clicks “Bind authenticator” and scans the code with a phone authenticator; or a system administrator binds it for them.</translation>
    </message>
    <message>
        <source>该动态验证码已经使用过（每个验证码只能用一次）。请等验证器显示新的验证码后再输入。</source>
        <translation>This one-time code has already been used (each code works once). Wait for the authenticator to show a new code and enter that.</translation>
    </message>
    <message>
        <source>用户名、密码或动态验证码</source>
        <translation>User name, password or one-time code</translation>
    </message>
    <message>
        <source>用户名或密码</source>
        <translation>User name or password</translation>
    </message>
    <message>
        <source>{what}不正确。连续输错{max_failures}次账户将锁定{lockout_minutes}分钟；账户已锁定时请稍后再试，或请主管/管理员解锁。</source>
        <translation>{what} incorrect. After {max_failures} wrong attempts in a row the account is locked for {lockout_minutes} minutes; if it is locked, try again later or ask a supervisor/administrator to unlock it.</translation>
    </message>
    <message>
        <source>该账户尚未设置密码，请先设置密码。</source>
        <translation>This account has no password yet; please set one first.</translation>
    </message>
    <message>
        <source>账户已锁定，请约{minutes}分钟后再试，或请主管/管理员解锁。</source>
        <translation>The account is locked; try again in about {minutes} minutes, or ask a supervisor/administrator to unlock it.</translation>
    </message>
    <message>
        <source>密码不正确，还可尝试{left}次。</source>
        <translation>Wrong password; {left} attempts left.</translation>
    </message>
    <message>
        <source>密码连续错误{max_failures}次，账户已锁定{lockout_minutes}分钟。如需立即解锁，请联系主管或管理员。</source>
        <translation>{max_failures} wrong passwords in a row: the account is locked for {lockout_minutes} minutes. To unlock it now, contact a supervisor or administrator.</translation>
    </message>
    <message>
        <source>选择批次</source>
        <translation>Choose batch</translation>
    </message>
    <message>
        <source>入柜保管</source>
        <translation>Store</translation>
    </message>
    <message>
        <source>请填写存放卡片的保管箱号（如 A01）。</source>
        <translation>Enter the storage box number for the cards (e.g. A01).</translation>
    </message>
    <message>
        <source>尚未读取任何卡片：请逐张将卡片插入读卡器读取后再签收。</source>
        <translation>No card read yet: insert the cards into the reader one by one, then confirm receipt.</translation>
    </message>
    <message>
        <source>制卡批次签收未完成。</source>
        <translation>Batch receipt not finished.</translation>
    </message>
    <message>
        <source>保管箱号只能由字母、数字和“-”组成，最长12位。</source>
        <translation>The storage box number may contain only letters, digits and &quot;-&quot;, at most 12 characters.</translation>
    </message>
    <message>
        <source>请核对差异后点击“确认签收”。</source>
        <translation>Check the differences, then click &quot;Confirm receipt&quot;.</translation>
    </message>
    <message>
        <source>本批次已签收，可打印签收清单。</source>
        <translation>This batch has been received; the receipt list can be printed.</translation>
    </message>
    <message>
        <source>该批次没有未完成的签收。</source>
        <translation>This batch has no unfinished receipt.</translation>
    </message>
    <message>
        <source>该批次的签收草稿无法读取，请重新逐张读卡签收。</source>
        <translation>The draft receipt of this batch cannot be read; read the cards one by one again.</translation>
    </message>
    <message>
        <source>（尚未选择批次）</source>
        <translation>(no batch chosen yet)</translation>
    </message>
    <message>
        <source>专线中断：显示最近一次从中心获取的批次清单，可离线签收，签收单在线路恢复后上传中心。</source>
        <translation>Dedicated line down: showing the batch list last fetched from the central system. You can receive offline; the receipt is uploaded when the line is back.</translation>
    </message>
    <message>
        <source>该批次不在待签收清单中（可能已签收），请刷新后重新选择。</source>
        <translation>This batch is not in the list awaiting receipt (it may have been received); refresh and choose again.</translation>
    </message>
    <message>
        <source>该批次有未完成的签收（草稿），请点击“继续签收”接着读卡，或先放弃该草稿。</source>
        <translation>This batch has an unfinished receipt (draft): click &quot;Continue receipt&quot; to keep reading cards, or discard the draft first.</translation>
    </message>
    <message>
        <source>所选批次的清单不在本机，请刷新批次列表。</source>
        <translation>The list of the chosen batch is not on this workstation; refresh the batch list.</translation>
    </message>
    <message>
        <source>未读到卡号。</source>
        <translation>No card number read.</translation>
    </message>
    <message>
        <source>本机未配置社保卡读卡器，请按卡面卡号录入。</source>
        <translation>No social security card reader configured on this workstation; enter the card number printed on the card.</translation>
    </message>
    <message>
        <source>中心拒绝签收：{reason}（本机已登记入柜，请联系中心核对）</source>
        <translation>The central system refused the receipt: {reason} (the cards are recorded as stored here; contact the central system to reconcile)</translation>
    </message>
    <message>
        <source>查询结果</source>
        <translation>Query result</translation>
    </message>
    <message>
        <source>社保信息查询须实时连接中心系统，当前无法连接中心系统（专线中断或中心停机），请线路恢复后再查询；柜面不保存参保和缴费信息，不能离线查询。</source>
        <translation>A social insurance query needs a live connection to the central system, which cannot be reached now (line down or central system stopped). Please query once the line is restored; the counter keeps no insurance or contribution data and cannot query offline.</translation>
    </message>
    <message>
        <source>查询已完成，可打印查询结果或办理下一位。</source>
        <translation>Query complete; print the result or serve the next customer.</translation>
    </message>
    <message>
        <source>中心系统中没有该身份证号码的参保人员记录，请核对号码；如确未参保，可办理参保登记。</source>
        <translation>The central system has no insured person with this ID number; check the number. If the person is really not insured, process a registration.</translation>
    </message>
    <message>
        <source>请先核验身份。</source>
        <translation>Verify identity first.</translation>
    </message>
    <message>
        <source>缴费记录已全部显示。</source>
        <translation>All contribution records are shown.</translation>
    </message>
    <message>
        <source>尚未查询，不能打印。</source>
        <translation>Nothing queried yet; nothing to print.</translation>
    </message>
    <message>
        <source>尚未查询，不能预览。</source>
        <translation>Nothing queried yet; nothing to preview.</translation>
    </message>
    <message>
        <source>信息变更换卡（交回原卡）</source>
        <translation>Data change (handed back)</translation>
    </message>
    <message>
        <source>请选择补换原因，将持卡人的居民身份证放在阅读器上按 F2 读取；无法读卡时手工录入号码。</source>
        <translation>Choose the reason, place the cardholder&apos;s resident ID card on the reader and press F2; if it cannot be read, enter the number by hand.</translation>
    </message>
    <message>
        <source>查询原卡</source>
        <translation>Look up old card</translation>
    </message>
    <message>
        <source>系统向中心查询持卡人的社保卡、两项功能的状态和本网点的补换卡规定。</source>
        <translation>Queries the central system for the cardholder&apos;s card, the state of both functions and this branch&apos;s replacement rules.</translation>
    </message>
    <message>
        <source>读取原卡 (F3)</source>
        <translation>Read old card (F3)</translation>
    </message>
    <message>
        <source>转到挂失 / 解挂</source>
        <translation>Go to report / cancel loss</translation>
    </message>
    <message>
        <source>原卡芯片无法读取，已核对卡面卡号并收回原卡</source>
        <translation>Old card&apos;s chip unreadable; card no. on its face checked and card taken back</translation>
    </message>
    <message>
        <source>补换原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>已申请补换卡</source>
        <translation>Replacement applied for</translation>
    </message>
    <message>
        <source>原卡</source>
        <translation>Old card</translation>
    </message>
    <message>
        <source>✓ 已读取原卡芯片</source>
        <translation>✓ Old card&apos;s chip read</translation>
    </message>
    <message>
        <source>芯片无法读取，已收回原卡</source>
        <translation>Chip unreadable, card taken back</translation>
    </message>
    <message>
        <source>尚未读取</source>
        <translation>Not read yet</translation>
    </message>
    <message>
        <source>&#x3000;芯片读不出的，请勾选“原卡芯片无法读取”。</source>
        <translation> If the chip cannot be read, tick &quot;Old card&apos;s chip unreadable&quot;.</translation>
    </message>
    <message>
        <source>正在读取原卡…</source>
        <translation>Reading old card…</translation>
    </message>
    <message>
        <source>确认补换方式</source>
        <translation>Replacement type</translation>
    </message>
    <message>
        <source>同号换卡保留原银行卡号和账户，养老金、代发工资、代扣协议不受影响；请向持卡人说明工本费。</source>
        <translation>A same-number exchange keeps the bank card number and account, so pension, payroll and direct debits are unaffected; tell the cardholder the card fee.</translation>
    </message>
    <message>
        <source>同号换卡：沿用原银行卡号和账户</source>
        <translation>Same number: keep the bank card number and account</translation>
    </message>
    <message>
        <source>换发新银行卡号</source>
        <translation>New bank card number</translation>
    </message>
    <message>
        <source>转账</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>转账凭证号（交易流水号）</source>
        <translation>Transfer reference (transaction no.)</translation>
    </message>
    <message>
        <source>确认补换卡 (F9)</source>
        <translation>Confirm replacement (F9)</translation>
    </message>
    <message>
        <source>本网点未开通同号换卡，只能换发新银行卡号。</source>
        <translation>This branch does not offer same-number exchange; only a new bank card number.</translation>
    </message>
    <message>
        <source>待查询</source>
        <translation>To be queried</translation>
    </message>
    <message>
        <source>原卡号</source>
        <translation>Old card no.</translation>
    </message>
    <message>
        <source>{0}（受理后在中心注销）</source>
        <translation>{0} (cancelled at the central system on acceptance)</translation>
    </message>
    <message>
        <source>制卡</source>
        <translation>Production</translation>
    </message>
    <message>
        <source>{0}（中心核定的本网点收费标准）</source>
        <translation>{0} (this branch&apos;s fee as set by the central system)</translation>
    </message>
    <message>
        <source>收取工本费：{0}</source>
        <translation>Card fee to collect: {0}</translation>
    </message>
    <message>
        <source>遗失补卡（原卡须已正式挂失）</source>
        <translation>Lost card (formally reported lost first)</translation>
    </message>
    <message>
        <source>损坏换卡（交回原卡）</source>
        <translation>Damaged card (handed back)</translation>
    </message>
    <message>
        <source>到期换卡（交回原卡）</source>
        <translation>Expired card (handed back)</translation>
    </message>
    <message>
        <source>&#x3000;确认后记入本人柜员会话并出具收据</source>
        <translation>; recorded in your session with a receipt on confirming</translation>
    </message>
    <message>
        <source>请收取工本费，将业务回执交持卡人留存。</source>
        <translation>Collect the card fee and give the receipt to the cardholder to keep.</translation>
    </message>
    <message>
        <source>预览收据</source>
        <translation>Preview fee receipt</translation>
    </message>
    <message>
        <source>打印收据</source>
        <translation>Print fee receipt</translation>
    </message>
    <message>
        <source>收据另存为PDF</source>
        <translation>Save fee receipt as PDF</translation>
    </message>
    <message>
        <source>重新登记收费</source>
        <translation>Record fee again</translation>
    </message>
    <message>
        <source>待中心确认</source>
        <translation>Awaiting central confirmation</translation>
    </message>
    <message>
        <source>中心受理号&#x3000;{0}</source>
        <translation>Central application no.  {0}</translation>
    </message>
    <message>
        <source>工本费：{0}</source>
        <translation>Card fee: {0}</translation>
    </message>
    <message>
        <source>工本费 {0} 已收（{1}），收据编号 {2}</source>
        <translation>Card fee {0} received ({1}), receipt no. {2}</translation>
    </message>
    <message>
        <source>工本费 {0} 未能登记：{1}（请开始营业后按“重新登记收费”，或在日终轧账中说明）</source>
        <translation>Card fee {0} could not be recorded: {1} (open for business, then press &quot;Record fee again&quot;, or explain it at day-end settlement)</translation>
    </message>
    <message>
        <source>正在提交补换卡…</source>
        <translation>Submitting replacement…</translation>
    </message>
    <message>
        <source>正在登记收费…</source>
        <translation>Recording fee…</translation>
    </message>
    <message>
        <source>工本费收据</source>
        <translation>Card fee receipt</translation>
    </message>
    <message>
        <source>正在生成收据…</source>
        <translation>Generating fee receipt…</translation>
    </message>
    <message>
        <source>下一步（{0}）</source>
        <extracomment>a second counter PC of the same branch (its own store and accounts, the same central): ``TourRun.colleague`` (remote approval, 远程授权)</extracomment>
        <translation>Next ({0})</translation>
    </message>
    <message>
        <source>登记表</source>
        <translation>Application form</translation>
    </message>
    <message>
        <source>回执</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>打印预览（{0}）</source>
        <translation>Print preview ({0})</translation>
    </message>
    <message>
        <source>提交申领并生成单据</source>
        <translation>Submit application and generate documents</translation>
    </message>
    <message>
        <source>勾选材料</source>
        <translation>Tick documents</translation>
    </message>
    <message>
        <source>导入照片并检查</source>
        <translation>Import and check photo</translation>
    </message>
    <message>
        <source>转到对应业务</source>
        <translation>Go to the matching business</translation>
    </message>
    <message>
        <source>继续办理</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>成年人在即办网点申领（专线正常）</source>
        <translation>An adult applies at an instant issuance branch (line up)</translation>
    </message>
    <message>
        <source>未成年人由监护人在非即办网点申领、EMS邮寄</source>
        <translation>A guardian applies for a minor at a central production branch, EMS delivery</translation>
    </message>
    <message>
        <source>专线中断时在即办网点申领（暂存待上传）</source>
        <translation>Applying at an instant issuance branch with the line down (held for upload)</translation>
    </message>
    <message>
        <source>已有社保卡的人员不能重复申领（转到对应业务）</source>
        <translation>A person who already has a card cannot apply again (sent to the matching business)</translation>
    </message>
    <message>
        <source>办理中途签退，重新登录后继续未完成的申领</source>
        <translation>Signing out mid-way, then continuing the unfinished application after signing in</translation>
    </message>
    <message>
        <source>工行卡在工行即办网点正式挂失，找回后持卡解挂</source>
        <translation>An ICBC card formally reported lost at an ICBC instant branch, the loss cancelled with the card found</translation>
    </message>
    <message>
        <source>工行卡在建行网点解挂被拒（告知应去的银行）</source>
        <translation>Cancelling an ICBC card&apos;s loss report refused at a CCB branch (the right bank named)</translation>
    </message>
    <message>
        <source>专线中断时正式挂失暂存待上传，解挂被拒；恢复后送达，再解挂</source>
        <translation>With the line down a formal loss report is held for upload and a cancellation refused; once the line is back it is delivered, then the loss is cancelled</translation>
    </message>
    <message>
        <source>工行卡遗失：先正式挂失，再在工行即办网点同号换卡（收工本费），拍照后当场制卡（卡面PDF、即时制卡回执）</source>
        <translation>Lost ICBC card: formal loss first, then a same-number exchange at the ICBC instant branch (fee collected), a photo taken and the card made on the spot (card face PDF, issuance receipt)</translation>
    </message>
    <message>
        <source>同一张工行卡在建行网点补卡被拒（告知应去的银行）</source>
        <translation>The same ICBC card refused for replacement at a CCB branch (the bank to go to named)</translation>
    </message>
    <message>
        <source>社保卡密码连续输错被锁定后核验身份重置解锁；修改密码；读卡查询；信息变更写卡</source>
        <translation>PIN locked after wrong entries, reset and unlocked after an identity check; PIN change; card read; writing changed data to the card</translation>
    </message>
    <message>
        <source>读身份证查询参保状态、缴费记录（分页、断缴）、社保卡与制卡进度，打印查询结果</source>
        <translation>Read the ID card and query insurance status, contributions (pages, gaps), cards and production progress; print the result</translation>
    </message>
    <message>
        <source>专线中断时查询被拒（说明须实时联网），恢复后查询</source>
        <translation>A query refused with the line down (needs the line), then queried when it is back</translation>
    </message>
    <message>
        <source>出具参保证明（全部险种近48个月），打印、补打、F9核验；录入号码出具养老保险证明（注明断缴）</source>
        <translation>Issue a contribution certificate (all insurance, last 48 months), print, reprint, verify with F9; a pension certificate for a typed number (gaps noted)</translation>
    </message>
    <message>
        <source>职工参保登记：按统一社会信用代码查询单位、基数超中心上限被拒后受理；新参保人员以灵活就业身份参保（仅养老）</source>
        <translation>Employee registration: employer found by credit code, a base above the central limit refused then accepted; a new person registered as a flexible worker (pension only)</translation>
    </message>
    <message>
        <source>参保信息变更：电话地址婚姻（无需证明，写卡提示）；姓名变更须读身份证与公安证明编号，须换卡</source>
        <translation>Data change: phone, address, marital status (no proof, card write offered); a name change needs the ID card read and a police paper no., and a new card</translation>
    </message>
    <message>
        <source>专线中断时联系电话变更暂存待上传（出生日期等须联网的变更不可录入），恢复后自动送达</source>
        <translation>A phone change held for upload with the line down (changes needing the line, like the birth date, cannot be entered); delivered automatically when it is back</translation>
    </message>
    <message>
        <source>即办网点申领后当场制卡：空白卡检测、中心分配卡号、PSAM写芯片、卡面PDF、核验、上报、启用、密码键盘设密、回执；写卡中拔卡后插回续写</source>
        <translation>Instant issuance after applying: blank card check, card no. from the central system, PSAM chip writing, card face PDF, verification, report, activation, PIN set on the PIN pad, receipt; card pulled out mid-write and reinserted to continue</translation>
    </message>
    <message>
        <source>空白卡按供应商清单逐张入库（不在清单、重复、缺卡），领用给柜员，主管授权登记废卡，盘点对账并打印盘点表</source>
        <translation>Blank cards received one by one against the supplier list (not listed, duplicate, missing), drawn by a teller, a spoiled card recorded with supervisor authorisation, stocktake and its sheet printed</translation>
    </message>
    <message>
        <source>非即办网点：三份申领随中心制卡推进查询进度，批次逐张读卡签收（缺一张卡，签收清单列明差异），未领卡清单，持卡人本人领卡、中心启用、密码键盘设密、领卡回执</source>
        <translation>Central production branch: three applications followed through production, a batch received card by card (one missing, listed on the receipt list), the uncollected list, collection in person, activation, PIN set on the PIN pad, collection receipt</translation>
    </message>
    <message>
        <source>开始营业（备用金）、正式挂失、补换卡收取工本费并出具收据，日终轧账清点现金、结束营业并打印轧账单</source>
        <translation>Opening (float), a formal loss report, a replacement with its card fee and fee receipt, day-end settlement counting the cash, closing and printing the settlement report</translation>
    </message>
    <message>
        <source>柜员连续输错密码被锁定，主管登录后在“柜员与角色”输入密码和动态验证码为其解锁；在“异常件”作废一笔中心拒绝的业务（须主管动态验证码）</source>
        <translation>A teller locked out after wrong passwords is unlocked by a supervisor in &quot;Tellers and roles&quot; with password and one-time code; a business the central system refused is voided in &quot;Failed items&quot; (supervisor one-time code required)</translation>
    </message>
    <message>
        <source>办理一笔社保信息查询后打开网点统计：按业务类型的每日业务量、周末占比、平均耗时、未领卡与中心汇总，导出PDF</source>
        <translation>An insurance record query, then branch statistics: daily volume by business type, weekend share, average times, uncollected cards and the central totals, exported to PDF</translation>
    </message>
    <message>
        <source>（文件 {source}）</source>
        <translation>(file {source})</translation>
    </message>
    <message>
        <source>网点配置错误{where}：配置项 {key} {problem}</source>
        <translation>Branch profile error{where}: setting {key} {problem}</translation>
    </message>
    <message>
        <source>格式不正确，应为{what}</source>
        <translation>has the wrong format; expected {what}</translation>
    </message>
    <message>
        <source>大于{low}且不大于{high}</source>
        <translation>greater than {low} and at most {high}</translation>
    </message>
    <message>
        <source>不小于{low}且不大于{high}</source>
        <translation>at least {low} and at most {high}</translation>
    </message>
    <message>
        <source>必须是有限的数字（{rule}）</source>
        <translation>must be a finite number ({rule})</translation>
    </message>
    <message>
        <source>超出范围，必须{rule}</source>
        <translation>is out of range; it must be {rule}</translation>
    </message>
    <message>
        <source>以下之一：{options}</source>
        <translation>one of: {options}</translation>
    </message>
    <message>
        <source>取值无效，应为以下之一：{options}</source>
        <translation>has an invalid value; expected one of: {options}</translation>
    </message>
    <message>
        <source>应为 HH:MM 格式的时间，例如 &quot;09:00&quot;（不带时区）</source>
        <translation>must be a time as HH:MM, e.g. &quot;09:00&quot; (no time zone)</translation>
    </message>
    <message>
        <source>包含无效的星期：{bad}，应为 {codes}</source>
        <translation>contains invalid weekdays: {bad}; expected {codes}</translation>
    </message>
    <message>
        <source>HH:MM 格式的时间</source>
        <translation>a time as HH:MM</translation>
    </message>
    <message>
        <source>星期代码：{codes}</source>
        <translation>weekday codes: {codes}</translation>
    </message>
    <message>
        <source>应为 http:// 或 https:// 开头的地址，例如 &quot;https://central.example:8443&quot;</source>
        <translation>must be an address starting with http:// or https://, e.g. &quot;https://central.example:8443&quot;</translation>
    </message>
    <message>
        <source>端口号无效，应为 1–65535 的数字</source>
        <translation>has an invalid port; expected a number from 1 to 65535</translation>
    </message>
    <message>
        <source>http:// 或 https:// 开头的地址</source>
        <translation>an address starting with http:// or https://</translation>
    </message>
    <message>
        <source>不能为空</source>
        <translation>must not be empty</translation>
    </message>
    <message>
        <source>包含无效字符</source>
        <translation>contains an invalid character</translation>
    </message>
    <message>
        <source>非空路径</source>
        <translation>a non-empty path</translation>
    </message>
    <message>
        <source>路径，可为空</source>
        <translation>a path, may be empty</translation>
    </message>
    <message>
        <source>必须早于 weekday_service.close</source>
        <translation>must be earlier than weekday_service.close</translation>
    </message>
    <message>
        <source>必须早于 weekend_service.close</source>
        <translation>must be earlier than weekend_service.close</translation>
    </message>
    <message>
        <source>必须与 central.client_cert 同时配置</source>
        <translation>must be set together with central.client_cert</translation>
    </message>
    <message>
        <source>指向的文件不存在或不是文件：{path}</source>
        <translation>names a file that does not exist or is not a file: {path}</translation>
    </message>
    <message>
        <source>过长（不超过200个字符）</source>
        <translation>is too long (at most 200 characters)</translation>
    </message>
    <message>
        <source>“pdf:”后应写卡面PDF存放的文件夹，例如 &quot;pdf:card-faces&quot;</source>
        <translation>needs the folder for the card-face PDFs after &quot;pdf:&quot;, e.g. &quot;pdf:card-faces&quot;</translation>
    </message>
    <message>
        <source>打印机名称前后不能有空格</source>
        <translation>must not start or end with a space</translation>
    </message>
    <message>
        <source>空、&quot;pdf:文件夹&quot;或系统打印机名称</source>
        <translation>empty, &quot;pdf:folder&quot; or a system printer name</translation>
    </message>
    <message>
        <source>本机没有该密码键盘的驱动；可用取值：&quot;&quot;（无密码键盘，持卡人在遮盖输入框中输入）或 &quot;demo&quot;（演示密码键盘，仅演示模式）</source>
        <translation>has no PIN pad driver on this computer; allowed values: &quot;&quot; (no PIN pad: the holder types in a masked dialog) or &quot;demo&quot; (the demo PIN pad, demo mode only)</translation>
    </message>
    <message>
        <source>&quot;&quot; 或 &quot;demo&quot;</source>
        <translation>&quot;&quot; or &quot;demo&quot;</translation>
    </message>
    <message>
        <source>不能大于 photo.max_kb</source>
        <translation>must not be greater than photo.max_kb</translation>
    </message>
    <message>
        <source>以元为单位的金额（最多两位小数），免收填 &quot;0&quot;</source>
        <translation>an amount in yuan (at most two decimals); &quot;0&quot; for free</translation>
    </message>
    <message>
        <source>不能为空，至少保留一种收费方式</source>
        <translation>must not be empty; keep at least one payment method</translation>
    </message>
    <message>
        <source>包含无效的收费方式：{bad}，应为 {methods}</source>
        <translation>contains invalid payment methods: {bad}; expected {methods}</translation>
    </message>
    <message>
        <source>收费方式：{methods}</source>
        <translation>payment methods: {methods}</translation>
    </message>
    <message>
        <source>空，或 http:// / https:// 开头的地址</source>
        <translation>empty, or an address starting with http:// or https://</translation>
    </message>
    <message>
        <source>配置了 updates.repository_url 时必须配置</source>
        <translation>is required when updates.repository_url is set</translation>
    </message>
    <message>
        <source>4–32位大写字母、数字或连字符</source>
        <translation>4–32 capital letters, digits or hyphens</translation>
    </message>
    <message>
        <source>6位行政区划代码</source>
        <translation>a 6-digit administrative division code</translation>
    </message>
    <message>
        <source>1–8位字母或数字</source>
        <translation>1–8 letters or digits</translation>
    </message>
    <message>
        <source>即办网点</source>
        <translation>Instant issuance branch</translation>
    </message>
    <message>
        <source>非即办网点</source>
        <translation>Central production branch</translation>
    </message>
    <message>
        <source>与 weekday_service.days 重复：{both}（每天只能有一种营业时间）</source>
        <translation>overlaps weekday_service.days: {both} (each day has one set of opening hours)</translation>
    </message>
    <message>
        <source>为 true 时中心系统必须是本机回环地址（演示环境）；生产网点请删除此项或设为 false</source>
        <translation>when true the central system must be a loopback address (demo); in a production branch remove this setting or set it to false</translation>
    </message>
    <message>
        <source>&quot;demo&quot; 仅用于演示模式（mode.demo = true）；无密码键盘的柜台请留空</source>
        <translation>&quot;demo&quot; is for demo mode only (mode.demo = true); leave it empty at a counter without a PIN pad</translation>
    </message>
    <message>
        <source>文本</source>
        <translation>text</translation>
    </message>
    <message>
        <source>整数</source>
        <translation>an integer</translation>
    </message>
    <message>
        <source>列表</source>
        <translation>a list</translation>
    </message>
    <message>
        <source>数字</source>
        <translation>a number</translation>
    </message>
    <message>
        <source>(文件)</source>
        <translation>(file)</translation>
    </message>
    <message>
        <source>找不到配置文件 {path}</source>
        <translation>profile file {path} not found</translation>
    </message>
    <message>
        <source>{path} 是目录，不是配置文件</source>
        <translation>{path} is a folder, not a profile file</translation>
    </message>
    <message>
        <source>(编码)</source>
        <translation>(encoding)</translation>
    </message>
    <message>
        <source>不是 UTF-8 编码的文本（第 {start} 字节附近）</source>
        <translation>is not UTF-8 text (near byte {start})</translation>
    </message>
    <message>
        <source>不是有效的 TOML：{exc}</source>
        <translation>is not valid TOML: {exc}</translation>
    </message>
    <message>
        <source>{path} 无法读取（{reason}）</source>
        <translation>{path} cannot be read ({reason})</translation>
    </message>
    <message>
        <source>不是已知的配置段（可能拼写错误）</source>
        <translation>is not a known section (a typing error?)</translation>
    </message>
    <message>
        <source>应为一个配置段 [section]</source>
        <translation>must be a section [section]</translation>
    </message>
    <message>
        <source>不是已知的配置项（可能拼写错误）</source>
        <translation>is not a known setting (a typing error?)</translation>
    </message>
    <message>
        <source>类型错误，应为{kind}</source>
        <translation>has the wrong type; expected {kind}</translation>
    </message>
    <message>
        <source>缺失，必须配置</source>
        <translation>is missing and required</translation>
    </message>
    <message>
        <source>转到挂失</source>
        <translation>Go to loss report</translation>
    </message>
    <message>
        <source>重新查询</source>
        <translation>Query again</translation>
    </message>
    <message>
        <source>确认补换卡</source>
        <translation>Confirm replacement</translation>
    </message>
    <message>
        <source>读写社保卡失败，请将卡片重新插入读卡器后重试。</source>
        <translation>Reading or writing the social security card failed. Re-insert the card in the reader and try again.</translation>
    </message>
    <message>
        <source>未检测到读卡器，请检查读卡器连接线或联系网点技术支持。</source>
        <translation>No card reader found. Check the reader&apos;s cable or contact branch IT support.</translation>
    </message>
    <message>
        <source>读卡器已断开，请检查读卡器连接后重新操作。</source>
        <translation>The card reader was disconnected. Check its connection and try again.</translation>
    </message>
    <message>
        <source>读卡服务（pcscd）未运行，请重启电脑或联系网点技术支持。</source>
        <translation>The card reader service (pcscd) is not running. Restart the PC or contact branch IT support.</translation>
    </message>
    <message>
        <source>读卡器中没有卡片，请插入社保卡（芯片朝上）。</source>
        <translation>There is no card in the reader. Insert the social security card (chip up).</translation>
    </message>
    <message>
        <source>操作过程中卡片被拔出，请重新插入同一张卡片后继续。</source>
        <translation>The card was removed during the operation. Re-insert the same card to continue.</translation>
    </message>
    <message>
        <source>卡片长时间无响应，请取出卡片重新插入后重试。</source>
        <translation>The card did not respond. Remove and re-insert it, then try again.</translation>
    </message>
    <message>
        <source>与卡片通讯失败，请取出卡片擦拭芯片后重新插入。</source>
        <translation>Communication with the card failed. Remove the card, wipe the chip and re-insert it.</translation>
    </message>
    <message>
        <source>读卡器正被其他程序占用，请关闭其他读卡程序后重试。</source>
        <translation>The card reader is in use by another program. Close other card programs and try again.</translation>
    </message>
    <message>
        <source>卡片拒绝了该操作（状态码 {sw:04X}），请联系网点技术支持。</source>
        <translation>The card refused the operation (status {sw:04X}). Contact branch IT support.</translation>
    </message>
    <message>
        <source>密码错误，还可以再试{tries_left}次。连续输错将锁定社保卡密码。</source>
        <translation>Wrong PIN; {tries_left} tries left. Repeated wrong entries lock the card&apos;s PIN.</translation>
    </message>
    <message>
        <source>社保卡密码已锁定，请持本人身份证办理密码解锁（重置）业务。</source>
        <translation>The card&apos;s PIN is locked. The holder needs a PIN unlock (reset) with their own ID card.</translation>
    </message>
    <message>
        <source>卡片安全状态不满足（未验证密码或未通过外部认证），操作被拒绝。</source>
        <translation>The card&apos;s security status is not met (PIN not verified or external authentication not passed); the operation was refused.</translation>
    </message>
    <message>
        <source>卡片外部认证失败，PSAM卡与社保卡密钥不匹配。系统不会自动重试，请核对PSAM卡和社保卡所属地区后联系网点技术支持。</source>
        <translation>External authentication of the card failed: the PSAM and card keys do not match. The system will not retry automatically; check the regions of the PSAM and the card, then contact branch IT support.</translation>
    </message>
    <message>
        <source>卡片外部认证失败，PSAM卡与社保卡密钥不匹配（卡片剩余认证次数：{tries_left}）。系统不会自动重试，请核对PSAM卡和社保卡所属地区后联系网点技术支持。</source>
        <translation>External authentication of the card failed: the PSAM and card keys do not match (authentication tries left on the card: {tries_left}). The system will not retry automatically; check the regions of the PSAM and the card, then contact branch IT support.</translation>
    </message>
    <message>
        <source>卡片认证密钥已锁定，该卡无法写入，请按坏卡流程处理。</source>
        <translation>The card&apos;s authentication key is locked and the card cannot be written. Handle it as a faulty card.</translation>
    </message>
    <message>
        <source>卡片中没有找到社会保障应用或数据文件，可能不是社保卡或卡片未个人化。</source>
        <translation>No social security application or data file on the card; it may not be a social security card, or not personalised.</translation>
    </message>
    <message>
        <source>卡片中没有找到所需的数据记录，卡片可能未个人化或已损坏。</source>
        <translation>The required data record is not on the card; the card may not be personalised or may be damaged.</translation>
    </message>
    <message>
        <source>卡片当前状态不允许该操作，请重新插卡后按流程操作。</source>
        <translation>The card&apos;s current state does not allow this operation. Re-insert the card and follow the procedure.</translation>
    </message>
    <message>
        <source>PSAM卡（网点安全模块）操作失败，请检查PSAM卡座或联系网点技术支持。</source>
        <translation>The PSAM (branch security module) operation failed. Check the PSAM slot or contact branch IT support.</translation>
    </message>
    <message>
        <source>卡片内数据格式异常，无法识别，请按坏卡流程处理。</source>
        <translation>The data on the card is malformed and cannot be read. Handle it as a faulty card.</translation>
    </message>
    <message>
        <source>与中心系统通信失败，请稍后重试。</source>
        <translation>Communication with the central system failed. Try again later.</translation>
    </message>
    <message>
        <source>无法连接中心系统（专线中断或中心停机），可暂存业务待恢复后上传。</source>
        <extracomment>True when the same request may succeed later without any change (sync retries it). How long the failed call took, in ms; set by the health probe.</extracomment>
        <translation>Cannot reach the central system (dedicated line down or central offline); work can be held and uploaded once it is back.</translation>
    </message>
    <message>
        <source>中心系统响应超时，业务可能已受理，请勿重复办理，系统将自动核对。</source>
        <translation>The central system did not answer in time. The business may have been accepted: do not repeat it; the system will reconcile automatically.</translation>
    </message>
    <message>
        <source>与中心系统的连接在应答途中中断，业务可能已受理，请勿重复办理，系统将自动核对。</source>
        <translation>The connection to the central system broke during its answer. The business may have been accepted: do not repeat it; the system will reconcile automatically.</translation>
    </message>
    <message>
        <source>与中心系统的安全连接校验失败（证书无效、过期或不匹配），请联系网点技术支持。</source>
        <translation>The secure connection to the central system failed verification (certificate invalid, expired or mismatched). Contact branch IT support.</translation>
    </message>
    <message>
        <source>本机与中心系统通信的证书配置有误（CA 证书、网点客户端证书或私钥文件缺失、无法读取或格式不正确），待上传业务已暂停发送、不会丢失，请联系网点技术支持。</source>
        <translation>This PC&apos;s certificate setup for the central system is wrong (CA certificate, branch client certificate or private key missing, unreadable or malformed). Pending uploads are paused and will not be lost. Contact branch IT support.</translation>
    </message>
    <message>
        <source>中心系统返回的数据格式不正确，请联系网点技术支持。</source>
        <translation>The central system returned malformed data. Contact branch IT support.</translation>
    </message>
    <message>
        <source>身份证阅读器无法工作，请检查连接，或手工录入身份证号码。</source>
        <translation>The ID card reader is not working. Check its connection, or type the ID number.</translation>
    </message>
    <message>
        <source>未检测到身份证，请将身份证平放在阅读器感应区后重试。</source>
        <translation>No ID card detected. Lay the ID card flat on the reader and try again.</translation>
    </message>
    <message>
        <source>模拟身份证阅读器</source>
        <translation>Simulated ID card reader</translation>
    </message>
    <message>
        <source>{width}×{height} 像素、{dpi} dpi 的24位彩色 JPEG</source>
        <translation>a {width}×{height} pixel, {dpi} dpi 24-bit colour JPEG</translation>
    </message>
    <message>
        <source>照片不是 JPEG 文件，应为{expected}。</source>
        <translation>The photo is not a JPEG file; it should be {expected}.</translation>
    </message>
    <message>
        <source>照片文件无法读取（{error}），请重新采集。</source>
        <translation>The photo file cannot be read ({error}). Capture it again.</translation>
    </message>
    <message>
        <source>尺寸为 {width}×{height} 像素</source>
        <translation>is {width}×{height} pixels</translation>
    </message>
    <message>
        <source>颜色模式为 {mode}</source>
        <translation>has colour mode {mode}</translation>
    </message>
    <message>
        <source>分辨率为 {dpi:.0f} dpi</source>
        <translation>has {dpi:.0f} dpi</translation>
    </message>
    <message>
        <source>{problems}，{problem}</source>
        <translation>{problems}, {problem}</translation>
    </message>
    <message>
        <source>照片{problems}，应为{expected}。请重新生成照片。</source>
        <translation>The photo {problems}; it should be {expected}. Generate the photo again.</translation>
    </message>
    <message>
        <source>格式符合要求：{expected}。</source>
        <translation>Format correct: {expected}.</translation>
    </message>
    <message>
        <source>文件大小 {kb:.1f} KB，小于要求的 {low:.0f} KB。照片细节过少（可能过暗、过曝或几乎空白），请重新采集。</source>
        <translation>File size {kb:.1f} KB, below the required {low:.0f} KB. The photo has too little detail (too dark, overexposed or nearly blank); capture it again.</translation>
    </message>
    <message>
        <source>文件大小 {kb:.1f} KB，大于允许的 {high:.0f} KB，且降低压缩质量后仍超出。请在白色背景前重新拍摄。</source>
        <translation>File size {kb:.1f} KB, above the allowed {high:.0f} KB even at lower quality. Take the photo again in front of a white background.</translation>
    </message>
    <message>
        <source>文件大小 {kb:.1f} KB，在 {low:.0f}–{high:.0f} KB 之间。</source>
        <translation>File size {kb:.1f} KB, within {low:.0f}–{high:.0f} KB.</translation>
    </message>
    <message>
        <source>背景为白色（白色占 {ratio:.0%}）。</source>
        <translation>White background ({ratio:.0%} white).</translation>
    </message>
    <message>
        <source>背景带有颜色</source>
        <translation>The background is coloured</translation>
    </message>
    <message>
        <source>背景偏灰或偏暗</source>
        <translation>The background is greyish or dark</translation>
    </message>
    <message>
        <source>背景不够纯净（有杂物、阴影或头发贴边）</source>
        <translation>The background is not clean (objects, shadows or hair at the edges)</translation>
    </message>
    <message>
        <source>{cause}：照片边缘白色只占 {ratio:.0%}，应不少于 {minimum:.0%}。请让申请人站在白色背景前、打开补光灯后重拍。</source>
        <translation>{cause}: only {ratio:.0%} of the photo&apos;s edges are white, at least {minimum:.0%} is needed. Have the applicant stand in front of a white background, switch on the fill light and retake.</translation>
    </message>
    <message>
        <source>检测到一张人脸。</source>
        <translation>One face detected.</translation>
    </message>
    <message>
        <source>未检测到人脸。请让申请人正对镜头，摘下帽子、墨镜或口罩，露出面部后重拍。</source>
        <translation>No face detected. Have the applicant face the camera, remove hat, sunglasses or mask, and retake.</translation>
    </message>
    <message>
        <source>检测到 {count} 张人脸，照片中只能有申请人本人。请让其他人离开镜头范围后重拍。</source>
        <translation>{count} faces detected; only the applicant may be in the photo. Ask others to leave the camera&apos;s view and retake.</translation>
    </message>
    <message>
        <source>请让申请人靠近镜头</source>
        <translation>Have the applicant move closer to the camera</translation>
    </message>
    <message>
        <source>请让申请人离镜头远一些</source>
        <translation>Have the applicant move further from the camera</translation>
    </message>
    <message>
        <source>脸部宽度 {width} 像素，符合要求。</source>
        <translation>Face width {width} pixels, as required.</translation>
    </message>
    <message>
        <source>脸部宽度 {width} 像素，应在 {minimum}–{maximum} 像素之间。{hint}后重拍。</source>
        <translation>Face width {width} pixels; it should be {minimum}–{maximum} pixels. {hint} and retake.</translation>
    </message>
    <message>
        <source>头顶离上边缘太近或被裁掉，请将人像下移</source>
        <translation>The top of the head is too close to the top edge or cut off; move the portrait down</translation>
    </message>
    <message>
        <source>头顶离上边缘太远，请将人像上移</source>
        <translation>The top of the head is too far from the top edge; move the portrait up</translation>
    </message>
    <message>
        <source>头顶距上边缘 {distance} 像素，符合要求。</source>
        <translation>Top of the head {distance} pixels from the top edge, as required.</translation>
    </message>
    <message>
        <source>头顶距上边缘 {distance} 像素，应为 {minimum}–{maximum} 像素。{hint}。</source>
        <translation>Top of the head {distance} pixels from the top edge; it should be {minimum}–{maximum} pixels. {hint}.</translation>
    </message>
    <message>
        <source>偏左</source>
        <translation>too far left</translation>
    </message>
    <message>
        <source>偏右</source>
        <translation>too far right</translation>
    </message>
    <message>
        <source>两眼中点距左边缘 {distance:.0f} 像素，人像居中。</source>
        <translation>Midpoint of the eyes {distance:.0f} pixels from the left edge; the portrait is centred.</translation>
    </message>
    <message>
        <source>两眼中点距左边缘 {distance:.0f} 像素，应为 {minimum}–{maximum} 像素（人像{side}）。请让申请人站到镜头正中后重拍。</source>
        <translation>Midpoint of the eyes {distance:.0f} pixels from the left edge; it should be {minimum}–{maximum} pixels (portrait {side}). Have the applicant stand in the centre of the camera&apos;s view and retake.</translation>
    </message>
    <message>
        <source>眼睛距下边缘 {distance:.0f} 像素，符合要求。</source>
        <translation>Eyes {distance:.0f} pixels from the bottom edge, as required.</translation>
    </message>
    <message>
        <source>眼睛距下边缘 {distance:.0f} 像素，应不少于 {minimum} 像素（眼睛位置过低）。请将人像上移或降低镜头高度。</source>
        <translation>Eyes {distance:.0f} pixels from the bottom edge; at least {minimum} pixels are needed (eyes too low). Move the portrait up or lower the camera.</translation>
    </message>
    <message>
        <source>面部</source>
        <translation>Face</translation>
    </message>
    <message>
        <source>画面</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>{where}过暗（平均亮度 {mean:.0f}，应不低于 {minimum:.0f}）。请打开补光灯或调亮环境后重拍。</source>
        <translation>{where} too dark (mean brightness {mean:.0f}, at least {minimum:.0f} needed). Switch on the fill light or brighten the room and retake.</translation>
    </message>
    <message>
        <source>{where}过亮（平均亮度 {mean:.0f}，应不高于 {maximum:.0f}）。请减弱补光或避开强光后重拍。</source>
        <translation>{where} too bright (mean brightness {mean:.0f}, at most {maximum:.0f} allowed). Dim the fill light or avoid strong light and retake.</translation>
    </message>
    <message>
        <source>{where}亮度正常（平均 {mean:.0f}）。</source>
        <translation>{where} brightness normal (mean {mean:.0f}).</translation>
    </message>
    <message>
        <source>照片模糊（清晰度 {sharpness:.0f}，应不低于 {minimum:.0f}）。请让申请人保持不动、对准焦点后重拍。</source>
        <translation>The photo is blurred (sharpness {sharpness:.0f}, at least {minimum:.0f} needed). Have the applicant keep still, focus and retake.</translation>
    </message>
    <message>
        <source>照片清晰（清晰度 {sharpness:.0f}）。</source>
        <translation>The photo is sharp (sharpness {sharpness:.0f}).</translation>
    </message>
    <message>
        <source>操作失败，请重试或联系网点技术支持。</source>
        <translation>The operation failed. Try again or contact branch IT support.</translation>
    </message>
    <message>
        <source>身份证号码应为18位，当前为{count}位，请核对证件后重新输入。</source>
        <translation>An ID number has 18 characters; {count} were entered. Check the ID card and enter it again.</translation>
    </message>
    <message>
        <source>身份证号码只能由数字组成，最后一位可以是X，请核对后重新输入。</source>
        <translation>An ID number consists of digits only (the last may be X). Check it and enter it again.</translation>
    </message>
    <message>
        <source>身份证号码前两位“{province}”不是有效的省级行政区划代码，请核对证件后重新输入。</source>
        <translation>The first two digits &quot;{province}&quot; of the ID number are not a valid province code. Check the ID card and enter it again.</translation>
    </message>
    <message>
        <source>身份证号码中的出生日期晚于今天，请核对证件。</source>
        <translation>The date of birth in the ID number is after today. Check the ID card.</translation>
    </message>
    <message>
        <source>身份证号码校验位不正确，可能有数字输错，请逐位核对证件。</source>
        <translation>The check digit of the ID number is wrong; a digit may be mistyped. Check it against the ID card digit by digit.</translation>
    </message>
    <message>
        <source>身份证号码中的出生日期不存在，请核对证件。</source>
        <translation>The date of birth in the ID number does not exist. Check the ID card.</translation>
    </message>
    <message>
        <source>社保卡卡号应为9位（8位数字或大写字母加1位校验位），请核对卡面。</source>
        <translation>A social security card number has 9 characters (8 digits or capital letters plus a check character). Check the card face.</translation>
    </message>
    <message>
        <source>社保卡卡号校验位不正确，请核对卡面号码。</source>
        <translation>The check character of the card number is wrong. Check the number on the card face.</translation>
    </message>
    <message>
        <source>{listed}……</source>
        <translation>{listed}…</translation>
    </message>
    <message>
        <source>业务尚未受理，不能打印回执。</source>
        <translation>The business has not been accepted yet; the receipt cannot be printed.</translation>
    </message>
    <message>
        <source>解除挂失</source>
        <translation>Cancel loss report</translation>
    </message>
    <message>
        <source>该卡已申请补卡，正式挂失不可撤销，不能解挂；请持卡人等候新卡（可凭身份证查询制卡进度）。</source>
        <translation>A replacement has been applied for on this card: the formal loss report cannot be revoked and the card cannot be de-lossed. Ask the cardholder to wait for the new card (production progress can be queried with the ID card).</translation>
    </message>
    <message>
        <source>该卡由{card_bank}发行，解挂须到{card_bank}的网点办理（本网点属于{branch_bank}）。请告知持卡人前往{card_bank}网点。</source>
        <translation>This card was issued by {card_bank}; a loss report can only be cancelled at a {card_bank} branch (this branch belongs to {branch_bank}). Please direct the cardholder to a {card_bank} branch.</translation>
    </message>
    <message>
        <source>请先查询或读取持卡人的社保卡。</source>
        <translation>Query or read the cardholder&apos;s social security card first.</translation>
    </message>
    <message>
        <source>专线中断，无法向中心核实卡片状态，解挂须联网办理。</source>
        <translation>The dedicated line is down, so the card&apos;s state cannot be verified with the central system; cancelling a loss report requires the line.</translation>
    </message>
    <message>
        <source>解挂须读取持卡人找回的社保卡：请将卡片插入读卡器后点击“读取社保卡”。</source>
        <translation>Cancelling a loss report requires reading the recovered card: insert it into the reader and click &quot;Read social security card&quot;.</translation>
    </message>
    <message>
        <source>正式挂失（待中心确认）</source>
        <translation>Formal loss report (awaiting central confirmation)</translation>
    </message>
    <message>
        <source>专线中断，解挂须联网办理。</source>
        <translation>The dedicated line is down; cancelling a loss report requires the line.</translation>
    </message>
    <message>
        <source>正常（临时挂失已过期）</source>
        <translation>Normal (temporary loss report expired)</translation>
    </message>
    <message>
        <source>临时挂失转正式挂失</source>
        <translation>Temporary loss report to formal loss report</translation>
    </message>
    <message>
        <source>该功能为“{name}”，不是挂失状态；应用锁定请办理密码重置解锁。</source>
        <translation>This function is &quot;{name}&quot;, not reported lost; for a locked application, process a PIN reset and unlock.</translation>
    </message>
    <message>
        <source>{functions}当前不能办理此业务，请重新选择。</source>
        <translation>{functions}: this business cannot be processed now; please choose again.</translation>
    </message>
    <message>
        <source>所选功能</source>
        <translation>The chosen functions</translation>
    </message>
    <message>
        <source>{item}、{rest}</source>
        <translation>{item}, {rest}</translation>
    </message>
    <message>
        <source>{item}；{rest}</source>
        <translation>{item}; {rest}</translation>
    </message>
    <message>
        <source>“{item}”</source>
        <translation>&quot;{item}&quot;</translation>
    </message>
    <message>
        <source>“{item}”或{rest}</source>
        <translation>&quot;{item}&quot; or {rest}</translation>
    </message>
    <message>
        <source>中国工商银行</source>
        <translation>Industrial and Commercial Bank of China</translation>
    </message>
    <message>
        <source>中国建设银行</source>
        <translation>China Construction Bank</translation>
    </message>
    <message>
        <source>中国银行</source>
        <translation>Bank of China</translation>
    </message>
    <message>
        <source>中国农业银行</source>
        <translation>Agricultural Bank of China</translation>
    </message>
    <message>
        <source>浙江省农村信用社联合社</source>
        <translation>Zhejiang Rural Credit Union</translation>
    </message>
    <message>
        <source>中国邮政储蓄银行</source>
        <translation>Postal Savings Bank of China</translation>
    </message>
    <message>
        <source>宁波银行</source>
        <translation>Bank of Ningbo</translation>
    </message>
    <message>
        <source>专线中断，暂不能解挂：解挂须由中心实时确认该卡未申请补卡，请待线路恢复后办理（持卡人可稍候或改日到本行网点办理）。</source>
        <translation>The dedicated line is down; the loss report cannot be cancelled now: the central system must confirm in real time that no replacement was applied for. Please process it once the line is restored (the cardholder may wait or come back to a branch of this bank another day).</translation>
    </message>
    <message>
        <source>该持卡人有尚未送达中心的业务（如专线中断时受理的挂失），须先送达中心后才能解挂。系统正在上传，请稍后重试。</source>
        <translation>This cardholder has business not yet delivered to the central system (such as a loss report accepted while the line was down); it must reach the central system before the loss report can be cancelled. The system is uploading; please try again shortly.</translation>
    </message>
    <message>
        <source>专线中断，正式挂失已在本柜台受理并暂存，线路恢复后优先上传中心生效（同一业务不会重复提交）。请告知持卡人：上传完成前挂失尚未在中心生效。</source>
        <translation>The dedicated line is down: the formal loss report has been accepted at this counter and held; it is uploaded first when the line is restored and takes effect then (it is never submitted twice). Please tell the cardholder: until the upload completes, the loss report is not yet in effect at the central system.</translation>
    </message>
    <message>
        <source>该持卡人有尚未送达中心的前序业务，本笔正式挂失已受理并排在其后上传，送达后生效。</source>
        <translation>This cardholder has earlier business not yet delivered to the central system; this formal loss report has been accepted, is queued for upload after it, and takes effect once delivered.</translation>
    </message>
    <message>
        <source>中心系统未及时应答（本笔挂失可能已生效），系统将以同一业务号自动向中心确认，不会重复办理。</source>
        <translation>The central system did not answer in time (this loss report may already be in effect); the system will confirm with the central system under the same business number automatically and will not process it twice.</translation>
    </message>
    <message>
        <source>中心系统未及时应答（本笔解挂可能已生效），系统将以同一业务号自动向中心确认，不会重复办理。</source>
        <translation>The central system did not answer in time (this loss cancellation may already be in effect); the system will confirm with the central system under the same business number automatically and will not process it twice.</translation>
    </message>
    <message>
        <source>正式挂失已生效，卡片对应功能已停止使用。</source>
        <translation>The formal loss report is in effect; the card&apos;s chosen functions are stopped.</translation>
    </message>
    <message>
        <source>解挂已生效，卡片对应功能恢复正常使用。</source>
        <translation>The loss report is cancelled; the card&apos;s chosen functions work normally again.</translation>
    </message>
    <message>
        <source>中心系统未受理：卡片当前状态不允许办理此业务。请重新读卡查询两项功能的状态后，按提示选择相应业务。</source>
        <extracomment>the central&apos;s refusals that are about a state of the card or of one of its functions</extracomment>
        <translation>Refused by the central system: the card&apos;s current state does not allow this service. Please read the card again to see both functions&apos; states and choose the service shown.</translation>
    </message>
    <message>
        <source>中心系统未受理：该卡由{card_bank}发行，领卡启用须到{card_bank}的网点办理。</source>
        <translation>Not accepted by the central system: this card was issued by {card_bank}; it must be activated at a {card_bank} branch.</translation>
    </message>
    <message>
        <source>中心系统未受理：该卡由{card_bank}发行，须到{card_bank}的网点办理（本网点属于{branch_bank}）。</source>
        <translation>Refused by the central system: this card was issued by {card_bank} and must be handled at a {card_bank} branch (this branch belongs to {branch_bank}).</translation>
    </message>
    <message>
        <source>中心系统未受理：该卡由{card_bank}发行，须到{card_bank}的网点办理。</source>
        <translation>Refused by the central system: this card was issued by {card_bank} and must be handled at a {card_bank} branch.</translation>
    </message>
    <message>
        <source>中心系统未受理：该卡已申请补卡，正式挂失不可撤销，不能解挂；请持卡人等候新卡。</source>
        <translation>Refused by the central system: a replacement has been applied for on this card; the formal loss report cannot be revoked or cancelled. Ask the cardholder to wait for the new card.</translation>
    </message>
    <message>
        <source>请读取身份证或录入持卡人的身份证号码。</source>
        <translation>Read the ID card or enter the cardholder&apos;s ID number.</translation>
    </message>
    <message>
        <source>请点击“确认办理”。</source>
        <translation>Please click &quot;Confirm&quot;.</translation>
    </message>
    <message>
        <source>本笔业务已完成。</source>
        <translation>This business is complete.</translation>
    </message>
    <message>
        <source>请先读取或录入身份证号码。</source>
        <translation>Read or enter the ID number first.</translation>
    </message>
    <message>
        <source>中心系统没有该持卡人的社保卡记录：请核对身份证号码；尚未领卡的请办理申领或领卡。</source>
        <translation>The central system has no social security card on file for this person: check the ID number; a person who has not received a card yet should apply or collect it.</translation>
    </message>
    <message>
        <source>业务尚未办理，不能打印回执。</source>
        <translation>The business has not been processed yet; the receipt cannot be printed.</translation>
    </message>
    <message>
        <source>姓名或身份证号码已变更，原社会保障卡芯片和卡面信息与变更后信息不一致，须换发新卡：请持本人身份证到发卡银行网点办理补卡/换卡（换卡时交回原卡）；新卡启用前原卡仍可按原功能使用。</source>
        <translation>The name or ID number has changed, so the chip and face of the current social security card no longer match and a new card is required: the person should take their ID card to a branch of the issuing bank for a replacement/exchange (handing in the old card on exchange); until the new card is activated the old card keeps working as before.</translation>
    </message>
    <message>
        <source>读卡器中的卡片不是本次制卡的卡片（应为芯片序号尾号 {expected}，插入的是尾号 {inserted}），请换回原卡片。</source>
        <translation>The card in the reader is not the card of this issuance (chip serial should end in {expected}, the inserted one ends in {inserted}); put the original card back.</translation>
    </message>
    <message>
        <source>芯片启用后读回的功能状态不符（社保、金融功能应均已启用）。</source>
        <translation>The function state read back after activating the chip is wrong (the social security and financial functions should both be active).</translation>
    </message>
    <message>
        <source>库存功能未就绪：无法确认这张空白卡在您的保管中，暂不能制卡。</source>
        <translation>The stock function is not ready: cannot confirm this blank card is in your custody, so the card cannot be produced now.</translation>
    </message>
    <message>
        <source>专线中断，{what}需要中心实时确认，请待线路恢复后点击“继续”（卡片请妥善保管）。</source>
        <translation>Dedicated line down: {what} needs real-time confirmation from the central system. Click &quot;Continue&quot; once the line is back (keep the card safe).</translation>
    </message>
    <message>
        <source>卡片上电检测失败（{reason}），请换一张空白卡。</source>
        <translation>Card power-on check failed ({reason}); use another blank card.</translation>
    </message>
    <message>
        <source>空白卡上电失败（已尝试{tries}次）。请插入空白卡（芯片朝上），如仍失败请换一张空白卡。</source>
        <translation>Blank card power-on failed ({tries} attempt(s)). Insert a blank card (chip up); if it still fails, use another blank card.</translation>
    </message>
    <message>
        <source>本次制卡已使用芯片序号尾号 {tail} 的卡片，请插回该卡；如该卡损坏，请经主管授权登记废卡后再换卡。</source>
        <translation>This issuance already uses the card whose chip serial ends in {tail}; put that card back. If it is damaged, record it as spoiled with supervisor authorisation before changing cards.</translation>
    </message>
    <message>
        <source>这张卡已登记为废卡，请换一张空白卡。</source>
        <translation>This card is recorded as spoiled; use another blank card.</translation>
    </message>
    <message>
        <source>这张卡已经制过卡，不是空白卡，请换一张空白卡。</source>
        <translation>This card has already been personalised and is not blank; use another blank card.</translation>
    </message>
    <message>
        <source>分配卡号</source>
        <translation>assigning the card number</translation>
    </message>
    <message>
        <source>中心拒绝分配卡号：{reason}</source>
        <translation>The central system refused to assign a card number: {reason}</translation>
    </message>
    <message>
        <source>中心返回的制卡数据与本申领不一致，已停止制卡，请联系中心核查。</source>
        <translation>The personalisation data from the central system does not match this application; issuance stopped. Contact the central system to check.</translation>
    </message>
    <message>
        <source>{reason}（请插入本次制卡的卡片，尾号 {tail}）</source>
        <translation>{reason} (insert the card of this issuance, ending in {tail})</translation>
    </message>
    <message>
        <source>写卡时卡片被拔出或通信中断（已完成 {done}/{total} 步）。请将同一张卡重新插入读卡器后点击“继续”，从中断处续写；卡片损坏时请经主管授权登记废卡。</source>
        <translation>The card was removed or communication broke while writing ({done}/{total} steps done). Re-insert the same card and click &quot;Continue&quot; to resume where it stopped; if the card is damaged, record it as spoiled with supervisor authorisation.</translation>
    </message>
    <message>
        <source>芯片核验不一致</source>
        <translation>chip verification mismatch</translation>
    </message>
    <message>
        <source>写卡未成功：{reason}。系统不会自动重试（卡片会锁定），请经主管授权登记废卡后换卡。</source>
        <translation>Writing the card failed: {reason}. The system does not retry automatically (the card would lock); record it as spoiled with supervisor authorisation and change cards.</translation>
    </message>
    <message>
        <source>{reason}可检查打印机后点击“重新打印卡面”，或点击“转人工补印卡面”。</source>
        <translation>{reason} Check the printer and click &quot;Reprint card face&quot;, or click &quot;Reprint card face by hand&quot;.</translation>
    </message>
    <message>
        <source>中心尚未分配社保卡号，还没有卡面可打印。</source>
        <translation>The central has not assigned a card number yet; there is no card face to print.</translation>
    </message>
    <message>
        <source>{reason}（请将卡片插回读卡器后点击“继续”）</source>
        <translation>{reason} (put the card back into the reader and click &quot;Continue&quot;)</translation>
    </message>
    <message>
        <source>读卡核验不一致：芯片中的信息与中心制卡数据不符。此卡不能发放，请经主管授权登记废卡后换卡。</source>
        <translation>Read-back verification mismatch: the chip data differs from the central system&apos;s personalisation data. This card cannot be issued; record it as spoiled with supervisor authorisation and change cards.</translation>
    </message>
    <message>
        <source>中心拒绝了制卡结果：{reason}</source>
        <translation>The central system refused the issuance result: {reason}</translation>
    </message>
    <message>
        <source>中心已确认制卡成功，但库存登记失败：{reason}（点击“继续”重试）</source>
        <translation>The central system confirmed the issuance, but recording it in the stock failed: {reason} (click &quot;Continue&quot; to retry)</translation>
    </message>
    <message>
        <source>启用卡片</source>
        <translation>activating the card</translation>
    </message>
    <message>
        <source>中心拒绝启用：{reason}</source>
        <translation>The central system refused activation: {reason}</translation>
    </message>
    <message>
        <source>中心已启用，芯片启用未完成：{reason}（请将卡片插回读卡器后点击“继续”）</source>
        <translation>Activated by the central system, chip activation not finished: {reason} (put the card back into the reader and click &quot;Continue&quot;)</translation>
    </message>
    <message>
        <source>请持卡人输入6位数字密码。</source>
        <translation>The cardholder must enter a 6-digit PIN.</translation>
    </message>
    <message>
        <source>请输入6位新密码</source>
        <translation>Enter a new 6-digit PIN</translation>
    </message>
    <message>
        <source>密码过于简单（如全部相同或连续数字），请持卡人重新设置。</source>
        <translation>The PIN is too simple (e.g. all the same or consecutive digits); ask the cardholder to set another.</translation>
    </message>
    <message>
        <source>请再次输入新密码</source>
        <translation>Enter the new PIN again</translation>
    </message>
    <message>
        <source>两次输入的密码不一致，请持卡人重新设置。</source>
        <translation>The two PINs differ; ask the cardholder to set it again.</translation>
    </message>
    <message>
        <source>设置密码未成功：{reason}（可重新设置）</source>
        <translation>Setting the PIN failed: {reason} (it can be set again)</translation>
    </message>
    <message>
        <source>请插入空白卡（芯片朝上）后点击“继续”。</source>
        <translation>Insert a blank card (chip up), then click &quot;Continue&quot;.</translation>
    </message>
    <message>
        <source>专线中断：芯片已写好并核验，制卡结果已暂存，线路恢复后自动上报中心。请妥善保管此卡，线路恢复后点击“继续”完成启用和设置密码。</source>
        <translation>Dedicated line down: the chip is written and verified and the issuance result is held; it is reported to the central system automatically when the line is back. Keep this card safe and click &quot;Continue&quot; when the line is back to finish activation and PIN setting.</translation>
    </message>
    <message>
        <source>该申领尚未被中心确认受理（或不是本网点的即时制卡申领），暂不能制卡。</source>
        <translation>The application is not yet accepted by the central system (or is not an instant issuance application of this branch); the card cannot be produced now.</translation>
    </message>
    <message>
        <source>该申领没有持卡人照片，不能当场制卡：请按集中制卡办理，或联系网点技术支持。</source>
        <translation>This application has no photo of the holder, so the card cannot be made on the spot: use central production, or contact the branch&apos;s technical support.</translation>
    </message>
    <message>
        <source>找不到该申领的本地记录，请联系网点技术支持。</source>
        <translation>No local record of this application; contact branch IT support.</translation>
    </message>
    <message>
        <source>系统内部错误，本步骤未完成，请重试；如反复出现请联系技术支持。</source>
        <translation>Internal system error: this step is not finished. Try again; if it keeps happening, contact IT support.</translation>
    </message>
    <message>
        <source>只有卡面打印失败时才能转人工补印。</source>
        <translation>Only a failed card face print can be passed to reprinting by hand.</translation>
    </message>
    <message>
        <source>卡面转人工补印：芯片已写好，卡片保留；请按网点流程人工印制卡面后交持卡人。</source>
        <translation>Card face to be printed by hand: the chip is written and the card kept; print the face by hand following the branch procedure, then give it to the cardholder.</translation>
    </message>
    <message>
        <source>请填写废卡原因。</source>
        <translation>Enter the reason for spoiling the card.</translation>
    </message>
    <message>
        <source>该卡已上报中心制卡成功（或尚未放入空白卡），不能在此登记废卡。</source>
        <translation>This card was already reported to the central system as issued (or no blank card is inserted yet); it cannot be recorded as spoiled here.</translation>
    </message>
    <message>
        <source>本次制卡已结束。</source>
        <translation>This issuance has finished.</translation>
    </message>
    <message>
        <source>芯片已开始写入，不能直接撤销：请先经主管授权登记废卡，再撤销制卡。</source>
        <translation>Writing the chip has started, so it cannot simply be cancelled: record the card as spoiled with supervisor authorisation first, then cancel the issuance.</translation>
    </message>
    <message>
        <source>卡片在本网点保管（{location}），可办理领卡启用。</source>
        <translation>The card is kept at this branch ({location}); it can be collected.</translation>
    </message>
    <message>
        <source>超期未领，已随封存清单 {sealing_list_id} 退回中心封存；持卡人领卡须先由中心启封。</source>
        <translation>Not collected in time; returned to the central system for sealing with sealing list {sealing_list_id}. The central system must unseal it before the cardholder can collect it.</translation>
    </message>
    <message>
        <source>中心原因：{reason}</source>
        <translation>Central system&apos;s reason: {reason}</translation>
    </message>
    <message>
        <source>制卡失败（{why}）。可选中本行“重新制卡”，或“撤销申领”后由申请人重新申领。</source>
        <translation>Production failed ({why}). Select this row and click &quot;Produce again&quot;, or &quot;Cancel application&quot; so the applicant can apply again.</translation>
    </message>
    <message>
        <source>已申请重新制卡，专线恢复后自动上报中心，之后按新的制卡进度跟踪。</source>
        <translation>Production requested again; reported to the central system automatically when the line is back, then tracked as a new production.</translation>
    </message>
    <message>
        <source>请输入申领编号、身份证号码、卡号或姓名。</source>
        <translation>Enter an application number, ID number, card number or name.</translation>
    </message>
    <message>
        <source>本网点没有找到该申领。按姓名只能查本网点受理的申领；其他网点受理的请输入身份证号码或申领编号查询。</source>
        <translation>No such application at this branch. A name search covers only applications accepted at this branch; for other branches enter the ID number or application number.</translation>
    </message>
    <message>
        <source>本网点没有找到该申领；专线中断，暂不能向中心查询其他网点受理的申领，请线路恢复后再查。</source>
        <translation>No such application at this branch; the dedicated line is down, so applications of other branches cannot be looked up at the central system. Search again when the line is back.</translation>
    </message>
    <message>
        <source>中心答复：{reason}</source>
        <translation>Central system&apos;s answer: {reason}</translation>
    </message>
    <message>
        <source>本行没有该人员的制卡申领。</source>
        <translation>This bank has no card production application for this person.</translation>
    </message>
    <message>
        <source>以下为中心查询结果（含本行其他网点受理的申领）。</source>
        <translation>Results from the central system (including applications accepted at other branches of this bank).</translation>
    </message>
    <message>
        <source>缺卡：申领 {application_id}（{holder}，卡号 {card_no}）在清单内，箱内未见实物。已报中心查找；持卡人来领卡时请告知卡片尚未到网点。</source>
        <translation>Missing card: application {application_id} ({holder}, card no. {card_no}) is on the list but not in the box. Reported to the central system; tell the cardholder the card has not reached the branch when they come.</translation>
    </message>
    <message>
        <source>缺卡：申领 {application_id}（卡号 {card_no}）在清单内，箱内未见实物。已报中心查找；持卡人来领卡时请告知卡片尚未到网点。</source>
        <translation>Missing card: application {application_id} (card no. {card_no}) is on the list but not in the box. Reported to the central system; tell the cardholder the card has not reached the branch when they come.</translation>
    </message>
    <message>
        <source>多卡：卡号 {card_no}（装在申领 {application_id} 的信封内）不在本批次清单内，未入柜。请单独封存，随差异报告退回制卡中心。</source>
        <translation>Extra card: card no. {card_no} (in the envelope of application {application_id}) is not on this batch&apos;s list and was not stored. Seal it separately and return it to the production centre with the difference report.</translation>
    </message>
    <message>
        <source>多卡：卡号 {card_no}不在本批次清单内，未入柜。请单独封存，随差异报告退回制卡中心。</source>
        <translation>Extra card: card no. {card_no} is not on this batch&apos;s list and was not stored. Seal it separately and return it to the production centre with the difference report.</translation>
    </message>
    <message>
        <source>错装：申领 {application_id} 的信封内装的是卡号 {card_no}（属申领 {owner_application_id}）。已按芯片归属签收入柜，请更正信封。</source>
        <translation>Swapped: the envelope of application {application_id} holds card no. {card_no} (of application {owner_application_id}). Received and stored by the chip&apos;s owner; correct the envelope.</translation>
    </message>
    <message>
        <source>专线中断：撤销申领须由中心当场确认（撤销后不能恢复，申请人才能重新申领），请线路恢复后再办理；也可先办理“重新制卡”，该业务可暂存上传。</source>
        <translation>Dedicated line down: cancelling an application needs the central system&apos;s immediate confirmation (a cancellation is final, then the applicant can apply again). Do it when the line is back, or use &quot;Produce again&quot; now, which can be held for upload.</translation>
    </message>
    <message>
        <source>制卡失败的申领未能处理。</source>
        <translation>The failed production application could not be handled.</translation>
    </message>
    <message>
        <source>只能处理本网点受理的申领：请先查询，确认申领编号。</source>
        <translation>Only applications accepted at this branch can be handled: search first to confirm the application number.</translation>
    </message>
    <message>
        <source>该申领当前为“{state_zh}”，只有制卡失败的申领可以重新制卡或撤销。</source>
        <translation>The application is now &quot;{state_zh}&quot;; only a failed production can be produced again or cancelled.</translation>
    </message>
    <message>
        <source>（中心原因：{reason}）</source>
        <translation>(Central system&apos;s reason: {reason})</translation>
    </message>
    <message>
        <source>专线中断：重新制卡申请已暂存{reason}，线路恢复后自动上报中心（同一业务编号，不会重复制卡）。请告知申请人稍后查询制卡进度。</source>
        <translation>Dedicated line down: the request to produce again is held and reported to the central system automatically when the line is back (same business number, no duplicate production). {reason} Ask the applicant to check the progress later.</translation>
    </message>
    <message>
        <source>中心拒绝重新制卡：{reason}</source>
        <translation>The central system refused to produce again: {reason}</translation>
    </message>
    <message>
        <source>已重新提交制卡：申领 {application_id} 重新进入制卡（{state_zh}）。</source>
        <translation>Production resubmitted: application {application_id} is back in production ({state_zh}).</translation>
    </message>
    <message>
        <source>请填写撤销原因（如：申请人放弃、须更换照片重新申领）。</source>
        <translation>Enter the reason for cancelling (e.g. the applicant gives up, or must apply again with a new photo).</translation>
    </message>
    <message>
        <source>撤销请求已发出，但未收到中心答复：将以同一业务编号自动重发（不会重复撤销），请稍后刷新查看结果，确认“已撤销”后再告知申请人。</source>
        <translation>The cancellation was sent but the central system did not answer: it is resent automatically with the same business number (no duplicate cancellation). Refresh later to see the result, and tell the applicant only after it shows &quot;Cancelled&quot;.</translation>
    </message>
    <message>
        <source>中心拒绝撤销：{reason}</source>
        <translation>The central system refused the cancellation: {reason}</translation>
    </message>
    <message>
        <source>申领 {application_id} 已撤销，申请人可重新申领。</source>
        <translation>Application {application_id} is cancelled; the applicant can apply again.</translation>
    </message>
    <message>
        <source>专线中断：领卡启用须由中心实时确认发放并启用卡片，当前无法连接中心系统。卡片请继续在柜保管，请持卡人线路恢复后再来，或稍后重试。</source>
        <translation>Dedicated line down: card collection needs the central system to confirm issue and activate the card in real time, and the central system cannot be reached. Keep the card in custody; the cardholder should come back when the line is up, or try again later.</translation>
    </message>
    <message>
        <source>领卡未完成。</source>
        <translation>Card collection not finished.</translation>
    </message>
    <message>
        <source>请读取或录入领卡人的身份证。</source>
        <translation>Read or enter the collector&apos;s ID card.</translation>
    </message>
    <message>
        <source>请录入持卡人（被代领人）的身份证号码。</source>
        <translation>Enter the ID number of the cardholder (the person collected for).</translation>
    </message>
    <message>
        <source>监护人代领须查验户口本等监护关系证明，请查验后勾选。</source>
        <translation>A guardian collecting must show proof of guardianship such as the household register; check it and tick the box.</translation>
    </message>
    <message>
        <source>单位代领须留存单位委托书，请录入委托书编号或日期。</source>
        <translation>Collection by an employer requires keeping the employer&apos;s authorisation letter; enter its number or date.</translation>
    </message>
    <message>
        <source>委托书上的统一社会信用代码与中心登记的持卡人参保单位不符，不能由该单位代领。请核对委托书和营业执照；或请持卡人本人持身份证领取。</source>
        <translation>The unified social credit code on the letter is not that of the holder&apos;s employer on record at the central system: this employer cannot collect the card. Check the letter and the business licence, or ask the holder to collect it in person with their ID card.</translation>
    </message>
    <message>
        <source>请点击“查找待领卡片”，核对持卡人和卡片。</source>
        <translation>Click &quot;Find card to collect&quot; and check the cardholder and the card.</translation>
    </message>
    <message>
        <source>请将卡片插入读卡器读卡核对。</source>
        <translation>Insert the card into the reader to check it.</translation>
    </message>
    <message>
        <source>请点击“启用”由中心确认发放并启用。</source>
        <translation>Click &quot;Activate&quot; to have the central system confirm issue and activate the card.</translation>
    </message>
    <message>
        <source>请持卡人在密码键盘上设置6位密码。</source>
        <translation>The cardholder sets a 6-digit PIN on the PIN pad.</translation>
    </message>
    <message>
        <source>领卡启用已完成。</source>
        <translation>Card collection and activation complete.</translation>
    </message>
    <message>
        <source>{prefix}{message}</source>
        <translation>{prefix}{message}</translation>
    </message>
    <message>
        <source>请读取身份证，或手工录入身份证号码。</source>
        <translation>Read the ID card, or enter the ID number by hand.</translation>
    </message>
    <message>
        <source>尚未核验申领资格，请稍候或点击“重新核验”。</source>
        <translation>Eligibility has not been verified yet; please wait or click &quot;Verify again&quot;.</translation>
    </message>
    <message>
        <source>还缺少：{names}。请一次性告知申请人补齐后再办理。</source>
        <translation>Still missing: {names}. Tell the applicant everything that is missing at once and process the application when it is complete.</translation>
    </message>
    <message>
        <source>监护人不能是申请人本人。</source>
        <translation>The guardian cannot be the applicant.</translation>
    </message>
    <message>
        <source>监护人须年满18周岁。</source>
        <translation>The guardian must be at least 18 years old.</translation>
    </message>
    <message>
        <source>请选择领卡方式。</source>
        <translation>Choose how the card is collected.</translation>
    </message>
    <message>
        <source>收件人：</source>
        <translation>Recipient:</translation>
    </message>
    <message>
        <source>社保功能、金融功能</source>
        <translation>social security and financial functions</translation>
    </message>
    <message>
        <source>该卡在领取前已挂失（{how}），不能发放。请向持卡人说明：卡片将退回中心作废；如需用卡，请持身份证办理补领（挂失补卡）；如系误报，请先到发卡银行办理解挂后再领取。</source>
        <translation>The card was reported lost before collection ({how}) and cannot be handed out. Tell the cardholder: the card goes back to the central system to be voided; to get a card, apply for a replacement (loss replacement) with the ID card; if the loss report was a mistake, cancel it at the issuing bank first, then collect.</translation>
    </message>
    <message>
        <source>本网点没有该持卡人的待领卡片。可在“集中制卡”中按身份证号码查询制卡进度。</source>
        <translation>No card awaits collection for this cardholder at this branch. Check production progress by ID number in &quot;Central production&quot;.</translation>
    </message>
    <message>
        <source>该持卡人的卡片超期未领，已随封存清单 {sealing_list_id} 退回中心封存，网点不能发放或启用：启封由中心办理，请持卡人联系中心启封，卡片退回网点后再办理领卡启用。</source>
        <translation>The cardholder&apos;s card was not collected in time and was returned to the centre for sealing with sealing list {sealing_list_id}; branches can neither hand it out nor activate it. Unsealing is done by the centre: the cardholder should ask the centre to unseal it, then collect and activate it once it is back at the branch.</translation>
    </message>
    <message>
        <source>该持卡人的卡片尚未到网点（当前状态：{state_zh}），暂不能领卡。</source>
        <translation>The cardholder&apos;s card has not reached the branch (state: {state_zh}); it cannot be collected yet.</translation>
    </message>
    <message>
        <source>持卡人未满18周岁，须由监护人持户口本等监护关系证明代领。</source>
        <translation>The cardholder is under 18; a guardian must collect with proof of guardianship such as the household register.</translation>
    </message>
    <message>
        <source>持卡人已成年，不能由监护人代领；请本人领取或按单位代领办理。</source>
        <translation>The cardholder is an adult and cannot be collected for by a guardian; collect in person or as an employer collection.</translation>
    </message>
    <message>
        <source>领卡人与中心登记的监护人不符，不能代领；请核对户口本。</source>
        <translation>The collector does not match the guardian registered at the central system; cannot collect. Check the household register.</translation>
    </message>
    <message>
        <source>单位代领只适用于在本网点保管、尚未领取的卡片；该卡已寄出或已领取，须由持卡人本人持身份证和卡片办理领卡启用。</source>
        <translation>An employer can only collect a card kept at this branch and not yet collected; this card was posted or already collected: the holder must come with their ID card and the card to activate it.</translation>
    </message>
    <message>
        <source>该持卡人的卡片已领取并启用，无需再次领卡。</source>
        <translation>The holder&apos;s card has already been collected and activated; nothing to collect.</translation>
    </message>
    <message>
        <source>本机未配置社保卡读卡器，请联系网点技术支持在网点配置中设置读卡器。</source>
        <translation>No social security card reader configured on this workstation; ask branch IT support to set it in the branch profile.</translation>
    </message>
    <message>
        <source>读到的卡片不是该持卡人申领 {application_id} 制作的卡（卡号或身份证号码不符），不能启用。请核对持卡人带来的卡片是否为本人新卡。</source>
        <translation>The card read is not the card made for the holder&apos;s application {application_id} (card number or ID number differs) and cannot be activated. Check that the card the holder brought is their new card.</translation>
    </message>
    <message>
        <source>读到的卡片不是该持卡人的卡（卡号或身份证号码不符），不能发放。请从保管位置 {location} 取出正确的卡片后重新读卡。</source>
        <translation>The card read is not this cardholder&apos;s (card number or ID number differs) and cannot be handed out. Take the right card from storage location {location} and read it again.</translation>
    </message>
    <message>
        <source>请先读卡核对。</source>
        <translation>Read and check the card first.</translation>
    </message>
    <message>
        <source>中心拒绝发放：{reason}</source>
        <translation>The central system refused the issue: {reason}</translation>
    </message>
    <message>
        <source>本机未配置卡片芯片服务，不能启用芯片；请联系网点技术支持。</source>
        <translation>No card chip service configured on this workstation, so the chip cannot be activated; contact branch IT support.</translation>
    </message>
    <message>
        <source>中心已启用，芯片启用未完成：{reason}（请将该卡插入读卡器后再点击“启用”）</source>
        <translation>Activated by the central system, chip activation not finished: {reason} (insert this card into the reader, then click &quot;Activate&quot; again)</translation>
    </message>
    <message>
        <source>芯片启用后读回的功能状态不符，请重试或联系技术支持。</source>
        <translation>The function state read back after activating the chip is wrong; try again or contact IT support.</translation>
    </message>
    <message>
        <source>请先完成启用。</source>
        <translation>Finish activation first.</translation>
    </message>
    <message>
        <source>本机未配置卡片芯片服务，不能设置密码；请联系网点技术支持。</source>
        <translation>No card chip service configured on this workstation, so the PIN cannot be set; contact branch IT support.</translation>
    </message>
    <message>
        <source>读卡器中的卡片已更换，请插入刚启用的卡片。</source>
        <translation>The card in the reader has been changed; insert the card just activated.</translation>
    </message>
    <message>
        <source>封存未完成。</source>
        <translation>Sealing not finished.</translation>
    </message>
    <message>
        <source>封存清单 {sealing_list_id}：{count} 张卡已出柜退回中心封存。</source>
        <translation>Sealing list {sealing_list_id}: {count} card(s) taken out and returned to the central system for sealing.</translation>
    </message>
    <message>
        <source>封存清单 {sealing_list_id}：{count} 张卡已出柜退回中心封存，其中 {queued} 张因专线中断暂存，线路恢复后自动上报中心（不会重复上报）。</source>
        <translation>Sealing list {sealing_list_id}: {count} card(s) taken out and returned to the central system for sealing; {queued} of them held because the dedicated line is down, reported to the central system automatically when it is back (no duplicates).</translation>
    </message>
    <message>
        <source>{application_id} {reason}</source>
        <translation>{application_id} {reason}</translation>
    </message>
    <message>
        <source>{outcome}中心拒绝：{refusals}，请联系中心核对。</source>
        <translation>{outcome} Refused by the central system: {refusals}; contact the central system to reconcile.</translation>
    </message>
    <message>
        <source>没有超过保管期的在柜卡片，无需封存。</source>
        <translation>No card in custody is past the keeping period; nothing to seal.</translation>
    </message>
    <message>
        <source>参保缴费</source>
        <translation>Contributing</translation>
    </message>
    <message>
        <source>暂停缴费</source>
        <translation>Contributions suspended</translation>
    </message>
    <message>
        <source>未参保</source>
        <translation>Not insured</translation>
    </message>
    <message>
        <source>宁波市</source>
        <translation>Ningbo</translation>
    </message>
    <message>
        <source>遗失补卡</source>
        <translation>Replacement (lost)</translation>
    </message>
    <message>
        <source>首次申领</source>
        <translation>First application</translation>
    </message>
    <message>
        <source>损坏换卡</source>
        <translation>Exchange (damaged)</translation>
    </message>
    <message>
        <source>申请已受理，等待中心制卡。</source>
        <translation>Application accepted, waiting for central production.</translation>
    </message>
    <message>
        <source>即时制卡进行中（已分配空白卡）。</source>
        <translation>Instant issuance in progress (blank card assigned).</translation>
    </message>
    <message>
        <source>即时制卡已完成，待发卡。</source>
        <translation>Instant issuance done, waiting to be handed out.</translation>
    </message>
    <message>
        <source>中心制卡中，制成后发往领卡网点或邮寄。</source>
        <translation>Being made centrally; once made it is sent to the collection branch or posted.</translation>
    </message>
    <message>
        <source>卡片已发出：网点领取的待网点签收后通知领卡；EMS邮寄的请查收邮件。</source>
        <translation>Card dispatched: for branch collection the person is notified once the branch signs for it; for EMS, watch for the parcel.</translation>
    </message>
    <message>
        <source>卡片已到领卡网点，请持身份证到网点领卡。</source>
        <translation>The card is at the collection branch; collect it there with the ID card.</translation>
    </message>
    <message>
        <source>卡片已领取但未启用，请到发卡银行网点办理启用。</source>
        <translation>The card was collected but not activated; activate it at a branch of the issuing bank.</translation>
    </message>
    <message>
        <source>已完成，卡片已启用。</source>
        <translation>Complete; the card is activated.</translation>
    </message>
    <message>
        <source>制卡失败，请按失败原因重新申领或补正材料。</source>
        <translation>Production failed; apply again or correct the materials according to the reason.</translation>
    </message>
    <message>
        <source>申请已撤销。</source>
        <translation>Application withdrawn.</translation>
    </message>
    <message>
        <source>{year}年{month}月</source>
        <translation>{month}/{year}</translation>
    </message>
    <message>
        <source>{employer}（统一社会信用代码 {credit_code}）</source>
        <translation>{employer} (unified social credit code {credit_code})</translation>
    </message>
    <message>
        <source>已缴</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>未缴</source>
        <translation>Unpaid</translation>
    </message>
    <message>
        <source>临时挂失至{until}，逾期未转正式挂失自动解除</source>
        <translation>Temporary loss report until {until}; lifted automatically unless made formal by then</translation>
    </message>
    <message>
        <source>卡片损坏，可办理换卡</source>
        <translation>Card damaged; can be exchanged</translation>
    </message>
    <message>
        <source>{issued} 至 {expires}</source>
        <translation>{issued} to {expires}</translation>
    </message>
    <message>
        <source>{making}，{collection}</source>
        <translation>{making}, {collection}</translation>
    </message>
    <message>
        <source>{bank} {branch}</source>
        <translation>{bank} {branch}</translation>
    </message>
    <message>
        <source>制卡失败（{reason}），请重新申领或补正材料。</source>
        <translation>Production failed ({reason}); apply again or correct the materials.</translation>
    </message>
    <message>
        <source>已交EMS寄出，邮件号 {tracking_no}，请查收。</source>
        <translation>Posted by EMS, tracking number {tracking_no}; watch for the parcel.</translation>
    </message>
    <message>
        <source>已随批次 {batch_id} 发往网点 {branch_code}，待网点签收后领卡。</source>
        <translation>Sent to branch {branch_code} in batch {batch_id}; collect it once the branch has signed for it.</translation>
    </message>
    <message>
        <source>到期换卡</source>
        <translation>Exchange (expired)</translation>
    </message>
    <message>
        <source>信息变更换卡</source>
        <translation>Exchange after a data change</translation>
    </message>
    <message>
        <source>该卡已办理过补换卡（原卡号已注销），不能再次补换；请凭身份证查询新卡的制卡进度，或到受理网点领取新卡。</source>
        <translation>This card has already been replaced (the old card number is cancelled) and cannot be replaced again; query the new card&apos;s production progress with the ID card, or collect the new card at the accepting branch.</translation>
    </message>
    <message>
        <source>应为以元为单位、最多两位小数、不超过 {maximum} 元的金额，例如 &quot;20.00&quot;；免收填 &quot;0&quot;</source>
        <translation>Enter an amount in yuan with at most two decimals, not above {maximum} yuan, e.g. &quot;20.00&quot;; &quot;0&quot; for no fee</translation>
    </message>
    <message>
        <source>免收</source>
        <translation>Waived</translation>
    </message>
    <message>
        <source>{yuan}.{fen:02d} 元</source>
        <translation>CNY {yuan}.{fen:02d}</translation>
    </message>
    <message>
        <source>到期换卡免收工本费（本网点规定）</source>
        <translation>Expiry exchange, no card fee (branch rule)</translation>
    </message>
    <message>
        <source>到期换卡工本费（本网点规定）</source>
        <translation>Expiry exchange card fee (branch rule)</translation>
    </message>
    <message>
        <source>中心核定的本网点补换卡工本费标准</source>
        <translation>Branch replacement fee set by the central system</translation>
    </message>
    <message>
        <source>本网点配置的补换卡工本费标准</source>
        <translation>Replacement fee configured at this branch</translation>
    </message>
    <message>
        <source>首次申领社会保障卡免收工本费</source>
        <translation>First social security card: no card fee</translation>
    </message>
    <message>
        <source>非首次申领工本费（本网点规定）</source>
        <translation>Card fee for a repeat application (branch rule)</translation>
    </message>
    <message>
        <source>申领工本费（本网点规定）</source>
        <translation>Application card fee (branch rule)</translation>
    </message>
    <message>
        <source>请选择收费方式（现金或转账）。</source>
        <translation>Choose the payment method (cash or transfer).</translation>
    </message>
    <message>
        <source>本网点不受理{method}收费。</source>
        <translation>This branch does not accept payment by {method}.</translation>
    </message>
    <message>
        <source>转账收费请录入转账凭证号（交易流水号）。</source>
        <translation>For a transfer, enter the transfer reference (transaction number).</translation>
    </message>
    <message>
        <source>转账凭证号应为 {minimum}–{maximum} 位字母、数字或连字符，请核对。</source>
        <translation>The transfer reference must be {minimum}–{maximum} letters, digits or hyphens. Please check.</translation>
    </message>
    <message>
        <source>该卡由{card_bank}发行，补卡、换卡须到{card_bank}的网点办理（本网点属于{branch_bank}）。请告知持卡人前往{card_bank}网点。</source>
        <translation>This card was issued by {card_bank}; replacement and exchange must be done at a {card_bank} branch (this branch belongs to {branch_bank}). Please direct the cardholder to a {card_bank} branch.</translation>
    </message>
    <message>
        <source>{function}为“{state}”</source>
        <translation>{function} is &quot;{state}&quot;</translation>
    </message>
    <message>
        <source>请先向中心查询持卡人的社保卡。</source>
        <translation>Query the cardholder&apos;s social security card from the central system first.</translation>
    </message>
    <message>
        <source>专线中断，补换卡须联网办理。</source>
        <translation>The dedicated line is down; replacement requires the line.</translation>
    </message>
    <message>
        <source>该卡{states}，尚未正式挂失。遗失补卡须先办理正式挂失（临时挂失须转为正式挂失）：请先办理“挂失 / 解挂”，再办理补卡。</source>
        <translation>On this card {states}; it is not formally reported lost. A lost card needs a formal loss report first (a temporary loss report must be made formal): process &quot;Report / cancel loss&quot; first, then the replacement.</translation>
    </message>
    <message>
        <source>该卡{states}：已正式挂失的卡请按“遗失补卡”办理；卡片已找回的，可先解挂再换卡。</source>
        <translation>On this card {states}: a formally reported card is processed as &quot;Replacement (lost)&quot;; if the card was recovered, cancel the loss report first, then exchange it.</translation>
    </message>
    <message>
        <source>读卡器中的卡片不是本次要换的卡，请核对持卡人交回的原卡。</source>
        <translation>The card in the reader is not the card being exchanged; check the old card the cardholder handed in.</translation>
    </message>
    <message>
        <source>换卡须收回原卡：请将原卡插入读卡器后按 F3 读取；芯片已损坏读不出的，核对卡面卡号后勾选“原卡芯片无法读取，已收回原卡”。</source>
        <translation>An exchange requires taking back the old card: insert it into the reader and press F3 to read it; if the chip is damaged and unreadable, check the card number printed on the card and tick &quot;Old card&apos;s chip unreadable, old card taken back&quot;.</translation>
    </message>
    <message>
        <source>尚未取得本网点的补换卡收费标准，请重新查询卡片。</source>
        <translation>This branch&apos;s replacement fee has not been obtained yet; please query the card again.</translation>
    </message>
    <message>
        <source>本网点未开通同号换卡，请选择换发新卡号。</source>
        <translation>This branch does not offer same-number exchange; please choose a new card number.</translation>
    </message>
    <message>
        <source>该持卡人有尚未送达中心的业务（如专线中断时受理的挂失），须先送达中心后才能补换卡。系统正在上传，请稍后重试。</source>
        <translation>This cardholder has business not yet delivered to the central system (such as a loss report accepted while the line was down); it must reach the central system before a replacement. The system is uploading; please try again shortly.</translation>
    </message>
    <message>
        <source>中心系统未及时应答（本笔补换卡可能已受理），系统将以同一业务号自动向中心确认，不会重复受理；请勿重新办理，可稍后凭身份证查询。</source>
        <translation>The central system did not answer in time (this replacement may already be accepted); the system will confirm with the central system under the same business number automatically and will not accept it twice. Do not process it again; it can be queried later with the ID card.</translation>
    </message>
    <message>
        <source>已受理：原卡号已在中心注销，保留原银行卡号及账户（同号换卡），{making}</source>
        <translation>Accepted: the old card number is cancelled at the central system; the bank card number and account are kept (same-number exchange). {making}</translation>
    </message>
    <message>
        <source>已受理：原卡号已在中心注销，新卡将启用新的银行卡号，{making}</source>
        <translation>Accepted: the old card number is cancelled at the central system; the new card will use a new bank card number. {making}</translation>
    </message>
    <message>
        <source>中心系统未受理：{reason}</source>
        <translation>Refused by the central system: {reason}</translation>
    </message>
    <message>
        <source>该卡由{card_bank}发行，须到{card_bank}的网点办理。</source>
        <translation>This card was issued by {card_bank} and must be handled at a {card_bank} branch.</translation>
    </message>
    <message>
        <source>中心系统未受理：该卡尚未正式挂失，遗失补卡须先办理正式挂失（挂失 / 解挂）。</source>
        <translation>Refused by the central system: this card is not formally reported lost; a lost card needs a formal loss report first (Report / cancel loss).</translation>
    </message>
    <message>
        <source>专线中断，暂不能补换卡：补换卡须由中心实时注销原卡号并受理新卡，请待线路恢复后办理（持卡人可稍候或改日办理）。</source>
        <translation>The dedicated line is down; replacement is not possible now: the central system must cancel the old card number and accept the new card in real time. Please process it once the line is restored (the cardholder may wait or come back another day).</translation>
    </message>
    <message>
        <source>请点击“确认补换卡”。</source>
        <translation>Please click &quot;Confirm replacement&quot;.</translation>
    </message>
    <message>
        <source>中心系统没有该持卡人的社保卡记录：请核对身份证号码；从未领卡的请办理申领（首次申领免工本费）。</source>
        <translation>The central system has no social security card on file for this person: check the ID number; a person who never had a card should apply (the first application has no card fee).</translation>
    </message>
    <message>
        <source>读卡器中的社保卡不是中心登记在该参保人名下的卡片，请核对持卡人交回的原卡。</source>
        <translation>The card in the reader is not the card the central has on file for this person; check the old card the holder handed in.</translation>
    </message>
    <message>
        <source>（同号换卡）</source>
        <translation>(same-number exchange)</translation>
    </message>
    <message>
        <source>您名下今日没有可用的空白卡，不能当场制卡：请选择“中心集中制卡”，或先到“空白卡管理”领用空白卡后再选“当场制卡”。</source>
        <translation>You have no blank card in your custody today, so the card cannot be made on the spot: choose &quot;central production&quot;, or take blank cards in &quot;Blank card stock&quot; first and then choose &quot;make on the spot&quot;.</translation>
    </message>
    <message>
        <source>当场制卡须打印持卡人照片：本柜台没有该持卡人原卡的照片，请为持卡人拍照或导入照片。</source>
        <translation>A card made on the spot needs the holder&apos;s photo: this counter has no photo of the old card, so take or import a photo of the holder.</translation>
    </message>
    <message>
        <source>本网点不能当场制卡，请选择中心集中制卡。</source>
        <translation>This branch cannot make cards on the spot; choose central production.</translation>
    </message>
    <message>
        <source>照片未通过检查：{titles}。请重新拍照或导入合格的照片。</source>
        <translation>The photo failed the checks: {titles}. Take it again or import a suitable photo.</translation>
    </message>
    <message>
        <source>当场制卡：受理后即在本柜台写卡、打印卡面、启用并由持卡人设置密码。</source>
        <translation>Made on the spot: once accepted, the card is written and its face printed at this counter, then activated and the holder sets the PIN.</translation>
    </message>
    <message>
        <source>中心集中制卡（您名下今日没有可用的空白卡，不能当场制卡），制成后送达本网点领取。</source>
        <translation>Central production (you have no blank card in your custody today, so it cannot be made on the spot); collected at this branch once made.</translation>
    </message>
    <message>
        <source>中心集中制卡（已选择不当场制卡），制成后送达本网点领取。</source>
        <translation>Central production (making on the spot was not chosen); collected at this branch once made.</translation>
    </message>
    <message>
        <source>中心集中制卡（本柜台未配置即时制卡设备），制成后送达本网点领取。</source>
        <translation>Central production (this counter has no instant issuance equipment); collected at this branch once made.</translation>
    </message>
    <message>
        <source>新卡由中心集中制作，制成后送达本网点领取。</source>
        <translation>The new card is made centrally and delivered to this branch for collection.</translation>
    </message>
    <message>
        <source>本笔业务尚未受理，不能收费。</source>
        <translation>This business has not been accepted yet; no fee can be charged.</translation>
    </message>
    <message>
        <source>本笔业务没有收费记录，不能打印收据。</source>
        <translation>This business has no fee record; no receipt can be printed.</translation>
    </message>
    <message>
        <source>请输入{what}金额（没有{what}请输入 0）。</source>
        <translation>{what}: enter the amount (no {what}: enter 0).</translation>
    </message>
    <message>
        <source>{what}金额格式不正确，请输入数字，例如 2000 或 2000.50。</source>
        <translation>{what}: the amount is not valid; enter a number, e.g. 2000 or 2000.50.</translation>
    </message>
    <message>
        <source>{what}金额不能为负数，最多两位小数。</source>
        <translation>{what}: the amount cannot be negative and has at most two decimals.</translation>
    </message>
    <message>
        <source>{what}金额超过 1,000,000 元，请核对。</source>
        <translation>{what}: the amount exceeds 1,000,000 yuan; please check.</translation>
    </message>
    <message>
        <source>未开始营业</source>
        <translation>Not open</translation>
    </message>
    <message>
        <source>{business_day} 的会话未日终</source>
        <translation>The session of {business_day} has not been closed</translation>
    </message>
    <message>
        <source>营业中（备用金 {opening_float}）</source>
        <translation>Open (float {opening_float})</translation>
    </message>
    <message>
        <source>您在柜台 {counter_id} 的会话（{business_day}）尚未结束，请先在该柜台日终，或请主管强制结束后再在本柜台开始营业。</source>
        <translation>Your session at counter {counter_id} ({business_day}) is still open. Close it at that counter at day end, or have a supervisor force-close it, before opening at this counter.</translation>
    </message>
    <message>
        <source>您 {business_day} 的会话尚未日终，请先结束该会话再开始今日营业。</source>
        <translation>Your session of {business_day} has not been closed at day end; close it before opening for today.</translation>
    </message>
    <message>
        <source>您今日已开始营业。</source>
        <translation>You have already opened for today.</translation>
    </message>
    <message>
        <source>您已有一个未结束的会话。</source>
        <translation>You already have an open session.</translation>
    </message>
    <message>
        <source>本柜台已有柜员 {teller} 的会话（{business_day} 开始）尚未结束。请该柜员签到后日终结束，或请主管强制结束后再开始营业。</source>
        <translation>Teller {teller}&apos;s session at this counter (opened {business_day}) is still open. That teller should sign in and close it at day end, or a supervisor should force-close it, before you open.</translation>
    </message>
    <message>
        <source>您没有未结束的会话（可能已日终结束或被主管强制结束），无需再结束。</source>
        <translation>You have no open session (it may have been closed at day end or force-closed by a supervisor); nothing to close.</translation>
    </message>
    <message>
        <source>您名下仍有 {custody} 张空白卡未交回。请先在“空白卡库存”交回，或在说明中写明原因（至少4个字）后再结束营业。</source>
        <translation>{custody} blank card(s) in your custody have not been returned. Return them at &quot;Blank card stock&quot; first, or give the reason in the note (at least 4 characters) before closing.</translation>
    </message>
    <message>
        <source>日终轧账有 {count} 项差异尚未说明，不能结束营业：{differences}请在“日终轧账”中逐项说明原因后再结束。</source>
        <translation>The day-end settlement has {count} unexplained difference(s); you cannot close: {differences} Explain each one in &quot;Day-end settlement&quot;, then close.</translation>
    </message>
    <message>
        <source>该会话已被结束（可能已由主管强制结束）。</source>
        <translation>The session has already been closed (perhaps force-closed by a supervisor).</translation>
    </message>
    <message>
        <source>请填写强制结束的原因（至少4个字）。</source>
        <translation>Enter the reason for the force-close (at least 4 characters).</translation>
    </message>
    <message>
        <source>该会话已结束，无需强制结束。</source>
        <translation>The session is already closed; no force-close needed.</translation>
    </message>
    <message>
        <source>日终结束</source>
        <translation>Closed at day end</translation>
    </message>
    <message>
        <source>主管强制结束</source>
        <translation>Force-closed by supervisor</translation>
    </message>
    <message>
        <source>您没有未结束的会话：日终轧账针对本人当日的柜员会话。已结束的会话可在下方查看全网点当日轧账。</source>
        <translation>You have no open session: the day-end settlement is for your own session today. Closed sessions are in the branch settlement for today below.</translation>
    </message>
    <message>
        <source>您名下仍有 {holding} 张今日领用的空白卡未交回（请先在“空白卡库存”交回，或说明原因）。</source>
        <translation>{holding} blank card(s) drawn today are still in your custody (return them at &quot;Blank card stock&quot; first, or explain why).</translation>
    </message>
    <message>
        <source>{days} {opens:%H:%M}–{closes:%H:%M}</source>
        <extracomment>who may authorise a supervisor&apos;s step on any day the weekend duty supervisor (值班主管): a supervisor&apos;s authority at weekends, in hours</extracomment>
        <translation>{days} {opens:%H:%M}–{closes:%H:%M}</translation>
    </message>
    <message>
        <source>{first}至{last}</source>
        <translation>{first} to {last}</translation>
    </message>
    <message>
        <source>{weekdays}，{weekend}</source>
        <translation>{weekdays}, {weekend}</translation>
    </message>
    <message>
        <source>未配置营业日</source>
        <translation>No opening days configured</translation>
    </message>
    <message>
        <source>营业中</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>周末营业中</source>
        <translation>Open (weekend)</translation>
    </message>
    <message>
        <source>{kind}（今日 {opens:%H:%M}–{closes:%H:%M}）</source>
        <translation>{kind} (today {opens:%H:%M}–{closes:%H:%M})</translation>
    </message>
    <message>
        <source>今日不营业</source>
        <translation>closed today</translation>
    </message>
    <message>
        <source>今日 {opens:%H:%M} 开始营业</source>
        <translation>opens today at {opens:%H:%M}</translation>
    </message>
    <message>
        <source>今日营业已于 {closes:%H:%M} 结束</source>
        <translation>closed today at {closes:%H:%M}</translation>
    </message>
    <message>
        <source>非营业时间：{today}（本网点营业时间：{hours}）。已开始的业务可以继续办完；开始新业务前需确认。</source>
        <translation>Outside opening hours: {today} (branch hours: {hours}). Business already started can be finished; starting new business needs confirmation.</translation>
    </message>
    <message>
        <source>已结束（{close_kind}）</source>
        <translation>Closed ({close_kind})</translation>
    </message>
    <message>
        <source>会话 #{session_id} · 柜台 {counter_id} · {opened_at} 开始 · {state}</source>
        <translation>Session #{session_id} · counter {counter_id} · opened {opened_at} · {state}</translation>
    </message>
    <message>
        <source>柜员 {teller}（会话 #{session_id}）：{difference}</source>
        <translation>Teller {teller} (session #{session_id}): {difference}</translation>
    </message>
    <message>
        <source>{closed_at} {close_kind}</source>
        <translation>{closed_at} {close_kind}</translation>
    </message>
    <message>
        <source>#{session_id} 柜员 {teller} 柜台 {counter_id} · {opened_at} 开始 · {state} · 现金应有 {expected}，实点 {counted}</source>
        <translation>#{session_id} teller {teller} counter {counter_id} · opened {opened_at} · {state} · cash expected {expected}, counted {counted}</translation>
    </message>
    <message>
        <source>即时制卡业务 {businesses} 笔，而空白卡登记发卡 {issued} 张，相差 {difference} 张。</source>
        <translation>{businesses} instant issuance(s), but {issued} blank card(s) recorded as issued: a difference of {difference}.</translation>
    </message>
    <message>
        <source>当日柜员会话 {count} 个</source>
        <translation>{count} teller session(s) today</translation>
    </message>
    <message>
        <source>您没有未结束的会话（可能已日终结束或被主管强制结束）；请点“重新汇总”查看，需要继续营业请在“柜员会话”开始营业。</source>
        <translation>You have no open session (it may have been closed at day end or force-closed by a supervisor); click &quot;Total again&quot; to see it. To keep working, open at &quot;Teller session&quot;.</translation>
    </message>
    <message>
        <source>请说明差异原因（至少4个字）。</source>
        <translation>Explain the difference (at least 4 characters).</translation>
    </message>
    <message>
        <source>本机未提供柜员会话。</source>
        <translation>This workstation provides no teller sessions.</translation>
    </message>
    <message>
        <source>日终轧账有 {count} 项差异尚未说明，不能结束营业：{differences}请在“日终轧账”中逐项说明原因（至少4个字）后再结束。</source>
        <translation>The day-end settlement has {count} unexplained difference(s); you cannot close: {differences} Explain each one in &quot;Day-end settlement&quot; (at least 4 characters), then close.</translation>
    </message>
    <message>
        <source>集中制卡批次签收</source>
        <translation>Batch receipt</translation>
    </message>
    <message>
        <source>密码重置</source>
        <translation>PIN reset</translation>
    </message>
    <message>
        <source>全网点汇总暂不可用（{why}）：以下网点数据仅为本机（本柜台电脑）的记录，不含本网点其他柜台。</source>
        <extracomment>the outbox operation of this counter&apos;s day summary for the central (workflows/day_end/branch.py) op states of a business sent to the central that mean it was not done</extracomment>
        <translation>Whole-branch figures unavailable ({why}): the branch figures below are this PC&apos;s (this counter&apos;s) records only, without the branch&apos;s other counters.</translation>
    </message>
    <message>
        <source>{business}（业务编号 {business_no}）应收工本费 {amount}，没有收费记录。</source>
        <translation>{business} (business no. {business_no}) is due a card fee of {amount} but has no fee record.</translation>
    </message>
    <message>
        <source>收据 {receipt_no} 收取 {amount}，但该业务未被中心受理，且未退费。</source>
        <translation>Receipt {receipt_no} collected {amount}, but the business was not accepted by the central system and no refund was made.</translation>
    </message>
    <message>
        <source>本会话有现金收费或退费，现金应有 {expected}（含备用金），尚未清点现金。</source>
        <translation>This session has cash fees or refunds; cash expected {expected} (float included), cash not counted yet.</translation>
    </message>
    <message>
        <source>现金应有 {expected}（备用金加现金收费减退费），实点 {counted}，长款 {difference}。</source>
        <translation>Cash expected {expected} (float plus cash fees minus refunds), counted {counted}: over by {difference}.</translation>
    </message>
    <message>
        <source>现金应有 {expected}（备用金加现金收费减退费），实点 {counted}，短款 {difference}。</source>
        <translation>Cash expected {expected} (float plus cash fees minus refunds), counted {counted}: short by {difference}.</translation>
    </message>
    <message>
        <source>柜员 {teller}：即时制卡业务 {businesses} 笔，而空白卡登记发卡 {issued} 张，相差 {difference} 张。</source>
        <translation>Teller {teller}: {businesses} instant issuance(s), but {issued} blank card(s) recorded as issued: a difference of {difference}.</translation>
    </message>
    <message>
        <source>待上传业务 #{outbox_id}（{operation}）中心拒收或多次失败，已转人工处理（{error}），须由主管决定重发或作废。</source>
        <translation>Pending upload #{outbox_id} ({operation}) was refused by the central system or failed repeatedly and is now a failed item ({error}); a supervisor must decide to upload it again or void it.</translation>
    </message>
    <message>
        <source>无错误码</source>
        <translation>no error code</translation>
    </message>
    <message>
        <source>您尚未开始今日营业（没有本柜台今日的柜员会话），不能收费或退费。请先在“柜员会话”中开始营业。</source>
        <extracomment>the teller&apos;s open work session, today, at this counter — or None a supervisor&apos;s authorisation of one act: (approval, purpose) → the supervisor&apos;s user name, or raises (the one authorisation path: password and one-time code, counted, audited)</extracomment>
        <translation>You have not opened for today (no teller session at this counter today); fees cannot be collected or refunded. Open at &quot;Teller session&quot; first.</translation>
    </message>
    <message>
        <source>请填写退费原因（至少4个字）。</source>
        <translation>Enter the refund reason (at least 4 characters).</translation>
    </message>
    <message>
        <source>没有该收费记录，请核对收据编号。</source>
        <translation>No such fee record; check the receipt number.</translation>
    </message>
    <message>
        <source>收据 {receipt_no} 的费用已退还，不能重复退费。</source>
        <translation>The fee of receipt {receipt_no} has already been refunded; it cannot be refunded twice.</translation>
    </message>
    <message>
        <source>退费</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>不能为本人办理的退费授权，请由另一位主管授权。</source>
        <translation>You cannot authorise a refund you handle yourself; ask another supervisor to authorise it.</translation>
    </message>
    <message>
        <source>没有该收费记录。</source>
        <translation>No such fee record.</translation>
    </message>
    <message>
        <source>收费</source>
        <translation>Fee</translation>
    </message>
    <message>
        <source>{receipt_no} · {kind} {amount} · {method}（凭证 {reference}）</source>
        <translation>{receipt_no} · {kind} {amount} · {method} (reference {reference})</translation>
    </message>
    <message>
        <source>{receipt_no} · {kind} {amount} · {method}</source>
        <translation>{receipt_no} · {kind} {amount} · {method}</translation>
    </message>
    <message>
        <source>本网点不是即时制卡网点，没有空白卡库存；空白卡库存仅在即办网点使用。</source>
        <extracomment>the act&apos;s name; an authorisation names the card too (:func:`spoil_purpose`) the piece of work (domain.businesses) every change of the stock is admitted as</extracomment>
        <translation>This branch is not an instant issuance branch and has no blank card stock; blank card stock is used only at instant issuance branches.</translation>
    </message>
    <message>
        <source>发卡须关联申请编号。</source>
        <extracomment>the card it was given for (normalised): ``mark_spoiled`` refuses any other</extracomment>
        <translation>Issuing a card requires the application number.</translation>
    </message>
    <message>
        <source>登记发卡</source>
        <translation>Record issue</translation>
    </message>
    <message>
        <source>本机未配置主管授权，不能登记废卡。</source>
        <translation>No supervisor authorisation configured on this workstation; spoiled cards cannot be recorded.</translation>
    </message>
    <message>
        <source>登记废卡须由主管输入账号、密码和动态验证码授权。</source>
        <translation>Recording a spoiled card requires a supervisor&apos;s user name, password and one-time code.</translation>
    </message>
    <message>
        <source>主管授权的不是这张卡：每张废卡须由主管对该卡单独授权。</source>
        <translation>The supervisor&apos;s authorisation was not for this card: each spoiled card needs the supervisor&apos;s authorisation for that card.</translation>
    </message>
    <message>
        <source>箱号 {box_id} 已按另一份供应商清单登记，清单不一致，请核对箱号或联系库管。</source>
        <translation>Box {box_id} was registered with a different supplier list; the lists differ. Check the box number or contact the stock keeper.</translation>
    </message>
    <message>
        <source>箱号 {box_id} 尚未登记，请先登记箱号。</source>
        <translation>Box {box_id} is not registered yet. Register the box first.</translation>
    </message>
    <message>
        <source>不能{action}：空白卡 {serial} 由柜员 {custodian} 保管（{day} 领用），须由该柜员办理。</source>
        <translation>Cannot {action}: blank card {serial} is in the custody of teller {custodian} (drawn on {day}); that teller must do it.</translation>
    </message>
    <message>
        <source>登记废卡须经主管授权。</source>
        <translation>Recording a spoiled card requires supervisor authorisation.</translation>
    </message>
    <message>
        <source>请写明作废原因（至少{min_chars}个字）。</source>
        <translation>Write the reason for spoiling (at least {min_chars} characters).</translation>
    </message>
    <message>
        <source>作废原因不超过{max_chars}个字。</source>
        <translation>The reason for spoiling is at most {max_chars} characters.</translation>
    </message>
    <message>
        <source>交给柜员保管</source>
        <translation>Hand to teller&apos;s custody</translation>
    </message>
    <message>
        <source>领用张数应大于0。</source>
        <translation>The number of cards to draw must be greater than 0.</translation>
    </message>
    <message>
        <source>库存只有 {in_stock} 张，不能领用 {count} 张。</source>
        <translation>Only {in_stock} card(s) in stock; cannot draw {count}.</translation>
    </message>
    <message>
        <source>交回库存</source>
        <translation>Return to stock</translation>
    </message>
    <message>
        <source>入库登记 {received} 张，而库存、保管、已发卡、废卡合计 {total} 张，相差 {difference} 张（账务记录不一致，请立即报告主管并联系技术支持）。</source>
        <translation>{received} card(s) received into stock, but stock, custody, issued and spoiled add up to {total}: a difference of {difference} (the records disagree; report to a supervisor at once and contact IT support).</translation>
    </message>
    <message>
        <source>柜员 {teller}：当日领用 {handed} 张，交回 {back}、发卡 {issued}、废卡 {spoiled}、在保管 {today}，相差 {book_difference} 张。</source>
        <translation>Teller {teller}: drew {handed} today; returned {back}, issued {issued}, spoiled {spoiled}, held {today}: a difference of {book_difference}.</translation>
    </message>
    <message>
        <source>柜员 {teller}：{count} 张为以前营业日领用、未交回（{chip_serials}），请交回库存。</source>
        <translation>Teller {teller}: {count} card(s) drawn on earlier business days and not returned ({chip_serials}); return them to stock.</translation>
    </message>
    <message>
        <source>柜员 {teller}：系统记录保管 {booked} 张，实点 {counted} 张，多出 {difference} 张。</source>
        <translation>Teller {teller}: {booked} card(s) held on record, {counted} counted: {difference} over.</translation>
    </message>
    <message>
        <source>柜员 {teller}：系统记录保管 {booked} 张，实点 {counted} 张，短少 {difference} 张。</source>
        <translation>Teller {teller}: {booked} card(s) held on record, {counted} counted: {difference} short.</translation>
    </message>
    <message>
        <source>网点库存：系统记录 {booked} 张，实点 {counted} 张，多出 {difference} 张。</source>
        <translation>Branch stock: {booked} card(s) on record, {counted} counted: {difference} over.</translation>
    </message>
    <message>
        <source>网点库存：系统记录 {booked} 张，实点 {counted} 张，短少 {difference} 张。</source>
        <translation>Branch stock: {booked} card(s) on record, {counted} counted: {difference} short.</translation>
    </message>
    <message>
        <source>请录入箱号。</source>
        <translation>Enter the box number.</translation>
    </message>
    <message>
        <source>箱号应为不超过{max_chars}位的字母、数字或“-”“_”，“{box_id}”不符合。</source>
        <translation>The box number must be at most {max_chars} letters, digits, &quot;-&quot; or &quot;_&quot;; &quot;{box_id}&quot; is not.</translation>
    </message>
    <message>
        <source>供应商清单文件过大（超过1MB），请确认选择的文件。</source>
        <translation>The supplier list file is too large (over 1 MB); check the file chosen.</translation>
    </message>
    <message>
        <source>供应商清单不是文本文件（CSV），请确认选择的文件。</source>
        <translation>The supplier list is not a text file (CSV); check the file chosen.</translation>
    </message>
    <message>
        <source>供应商清单格式有误（应为每行“箱号,芯片序列号”），请确认选择的文件。</source>
        <translation>The supplier list format is wrong (each line should be &quot;box number,chip serial&quot;); check the file chosen.</translation>
    </message>
    <message>
        <source>供应商清单中没有卡片。</source>
        <translation>The supplier list contains no cards.</translation>
    </message>
    <message>
        <source>第{line}行：{error}</source>
        <translation>Line {line}: {error}</translation>
    </message>
    <message>
        <source>第{line}行：应为“箱号,芯片序列号”两列。</source>
        <translation>Line {line}: two columns &quot;box number,chip serial&quot; expected.</translation>
    </message>
    <message>
        <source>第{line}行：箱号“{box_id}”与第{first_line}行的“{first_box_id}”不同；一个文件只能登记一箱。</source>
        <translation>Line {line}: box number &quot;{box_id}&quot; differs from &quot;{first_box_id}&quot; on line {first_line}; one file can register only one box.</translation>
    </message>
    <message>
        <source>第{line}行：芯片序列号 {serial} 在第{first_line}行已列出（清单内重复），请联系供应商核对。</source>
        <translation>Line {line}: chip serial {serial} is already listed on line {first_line} (duplicate in the list); check with the supplier.</translation>
    </message>
    <message>
        <source>实点张数应为0或正整数。</source>
        <translation>The counted number must be 0 or a positive whole number.</translation>
    </message>
    <message>
        <source>录入的箱号“{box_id}”与供应商清单的箱号“{listed_box}”不同，请核对。</source>
        <translation>The box number entered, &quot;{box_id}&quot;, differs from the supplier list&apos;s box number &quot;{listed_box}&quot;; please check.</translation>
    </message>
    <message>
        <source>请先录入箱号（或导入供应商清单）再读卡入库。</source>
        <translation>Enter the box number (or import the supplier list) before reading cards into stock.</translation>
    </message>
    <message>
        <source>本机未配置读卡器，不能读取空白卡。</source>
        <translation>No card reader configured on this workstation; blank cards cannot be read.</translation>
    </message>
    <message>
        <source>芯片序列号 {serial} 不在箱号 {box_id} 的供应商清单上，未入库；请将该卡单独放置并报告主管。</source>
        <translation>Chip serial {serial} is not on the supplier list of box {box_id} and was not taken into stock; put the card aside and report to a supervisor.</translation>
    </message>
    <message>
        <source>空白卡 {serial} 已入库。</source>
        <translation>Blank card {serial} taken into stock.</translation>
    </message>
    <message>
        <source>重复：{reason}</source>
        <translation>Duplicate: {reason}</translation>
    </message>
    <message>
        <source>没有正在入库的箱。</source>
        <translation>No box is being received.</translation>
    </message>
    <message>
        <source>请录入领用张数。</source>
        <translation>Enter the number of cards to draw.</translation>
    </message>
    <message>
        <source>已交给柜员 {teller} 保管 {count} 张：{chip_serial} 等。</source>
        <translation>{count} card(s) handed to teller {teller}&apos;s custody: {chip_serial} and others.</translation>
    </message>
    <message>
        <source>柜员 {teller} 交回库存 {count} 张。</source>
        <translation>Teller {teller} returned {count} card(s) to stock.</translation>
    </message>
    <message>
        <source>柜员 {teller} 没有保管中的空白卡。</source>
        <translation>Teller {teller} holds no blank cards.</translation>
    </message>
    <message>
        <source>空白卡 {chip_serial} 已登记为废卡（授权主管 {supervisor}）。</source>
        <translation>Blank card {chip_serial} recorded as spoiled (authorised by supervisor {supervisor}).</translation>
    </message>
    <message>
        <source>请先盘点对账，再打印盘点表。</source>
        <translation>Take stock first, then print the stocktake sheet.</translation>
    </message>
    <message>
        <source>柜员 {scope_teller}</source>
        <translation>Teller {scope_teller}</translation>
    </message>
    <message>
        <source>处理</source>
        <extracomment>what the authorising supervisor typed (never logged: its repr hides the secrets)</extracomment>
        <translation>handling</translation>
    </message>
    <message>
        <source>请写明{what}理由（至少{min_chars}个字），理由将记入审计日志。</source>
        <translation>Write the reason for {what} (at least {min_chars} characters); it is recorded in the audit log.</translation>
    </message>
    <message>
        <source>授权用途</source>
        <translation>Purpose of authorisation</translation>
    </message>
    <message>
        <source>会话</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>幂等键</source>
        <translation>Idempotency key</translation>
    </message>
    <message>
        <source>中心操作</source>
        <translation>Central operation</translation>
    </message>
    <message>
        <source>时长</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>失败次数</source>
        <translation>Failures</translation>
    </message>
    <message>
        <source>跨日</source>
        <translation>Across days</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>首个异常条目</source>
        <translation>First bad entry</translation>
    </message>
    <message>
        <source>中心链头</source>
        <translation>Central chain head</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>步骤</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>平账</source>
        <translation>Balanced</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>How</translation>
    </message>
    <message>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>发起时间</source>
        <translation>Asked at</translation>
    </message>
    <message>
        <source>有效至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>授权事项</source>
        <translation>Act to authorise</translation>
    </message>
    <message>
        <source>柜员说明</source>
        <translation>Teller&apos;s note</translation>
    </message>
    <message>
        <source>正在读取远程授权请求…</source>
        <translation>Reading remote approval requests…</translation>
    </message>
    <message>
        <source>拒绝时必填，例如：金额与收据不符</source>
        <translation>Required to refuse, e.g. the amount does not match the receipt</translation>
    </message>
    <message>
        <source>批准</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>拒绝</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>共 {0} 个远程授权请求：本网点其他柜台请主管授权的操作。请先与柜员核对编号和授权事项（批准后只能用于该事项），再输入本人账号、密码和动态验证码批准或拒绝。</source>
        <translation>{0} remote approval requests: acts other counters of this branch ask a supervisor to authorise. Check the number and the act with the teller first (an approval can be used for that act only), then approve or refuse with your user name, password and one-time code.</translation>
    </message>
    <message>
        <source>没有等待处理的远程授权请求。</source>
        <translation>No remote approval requests are waiting.</translation>
    </message>
    <message>
        <source>已批准远程授权（编号 {0}，柜台 {1}）。</source>
        <translation>Remote approval given (number {0}, counter {1}).</translation>
    </message>
    <message>
        <source>已拒绝远程授权（编号 {0}，柜台 {1}）。</source>
        <translation>Remote approval refused (number {0}, counter {1}).</translation>
    </message>
    <message>
        <source>有效</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>剩余次数</source>
        <translation>Tries left</translation>
    </message>
    <message>
        <source>延后上传</source>
        <translation>Upload deferred</translation>
    </message>
    <message>
        <source>单据</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>批次</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>保管空白卡</source>
        <translation>Blank cards held</translation>
    </message>
    <message>
        <source>持久写入</source>
        <translation>Durable write</translation>
    </message>
    <message>
        <source>{count} 张</source>
        <translation>{count} card(s)</translation>
    </message>
    <message>
        <source>{minutes} 分钟</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>{count} 次</source>
        <translation>{count} time(s)</translation>
    </message>
    <message>
        <source>解锁屏幕</source>
        <translation>Screen unlock</translation>
    </message>
    <message>
        <source>账户</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>柜员账户</source>
        <translation>Teller account</translation>
    </message>
    <message>
        <source>上传队列（异常件）</source>
        <translation>Upload queue (failed items)</translation>
    </message>
    <message>
        <source>申领</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>集中制卡 / 领卡</source>
        <translation>Central production / collection</translation>
    </message>
    <message>
        <source>卡片业务</source>
        <translation>Card services</translation>
    </message>
    <message>
        <source>专线中断，暂不能办理单位职工参保：单位信息、可参加的险种和缴费基数范围须由中心实时确认，请待线路恢复后办理。</source>
        <translation>The dedicated line is down; employee registration is not possible now: the employer, the insurances available and the contribution base range must be confirmed by the central system in real time. Please process it once the line is restored.</translation>
    </message>
    <message>
        <source>专线中断，且本柜台尚未取得中心核定的本年度缴费基数范围，暂不能办理灵活就业参保；请待线路恢复后办理。</source>
        <translation>The dedicated line is down and this counter does not have this year&apos;s contribution base range from the central system, so flexible employment registration is not possible now; please process it once the line is restored.</translation>
    </message>
    <message>
        <source>专线中断，无法向中心查询单位，请待线路恢复后办理单位职工参保。</source>
        <translation>The dedicated line is down, so the employer cannot be looked up at the central system; process the employee registration once the line is restored.</translation>
    </message>
    <message>
        <source>请核对后点击“确认参保”。</source>
        <translation>Check, then click &quot;Confirm registration&quot;.</translation>
    </message>
    <message>
        <source>参保登记</source>
        <translation>Insurance registration</translation>
    </message>
    <message>
        <source>请先选择参保类型。</source>
        <translation>Choose the registration type first.</translation>
    </message>
    <message>
        <source>中心系统未提供本类型的缴费基数范围，请联系社保经办机构。</source>
        <translation>The central system gave no contribution base range for this type; please contact the social insurance agency.</translation>
    </message>
    <message>
        <source>参保登记已完成，自{year}年{month}月起按所选险种和基数缴费。</source>
        <translation>Registration complete; contributions for the chosen insurances and base start from {month}/{year}.</translation>
    </message>
    <message>
        <source>中心系统未及时应答（本笔登记可能已生效），系统将按同一业务编号自动确认，不会重复登记。</source>
        <translation>The central system did not answer in time (this registration may already be in effect); the system will confirm it under the same business number automatically and will not register twice.</translation>
    </message>
    <message>
        <source>专线中断，灵活就业参保登记已在本柜台受理并暂存，线路恢复后自动上传中心；上传前中心尚无登记记录，如中心不予受理，网点将电话告知。</source>
        <translation>The dedicated line is down: the flexible employment registration has been accepted at this counter and held; it is uploaded to the central system automatically when the line is restored. Until then the central system has no record of it; if the central system refuses it, the branch will phone the person.</translation>
    </message>
    <message>
        <source>登录成功</source>
        <translation>Sign-in succeeded</translation>
    </message>
    <message>
        <source>登录失败</source>
        <translation>Sign-in failed</translation>
    </message>
    <message>
        <source>登录被拒（已锁定）</source>
        <translation>Sign-in refused (locked)</translation>
    </message>
    <message>
        <source>主管授权通过</source>
        <translation>Supervisor authorisation granted</translation>
    </message>
    <message>
        <source>主管授权失败</source>
        <translation>Supervisor authorisation failed</translation>
    </message>
    <message>
        <source>授权被拒（无权限角色）</source>
        <translation>Authorisation refused (role not permitted)</translation>
    </message>
    <message>
        <source>授权被拒（已锁定）</source>
        <translation>Authorisation refused (locked)</translation>
    </message>
    <message>
        <source>账户锁定</source>
        <translation>Account locked</translation>
    </message>
    <message>
        <source>解锁成功</source>
        <translation>Unlocked</translation>
    </message>
    <message>
        <source>解锁失败</source>
        <translation>Unlock failed</translation>
    </message>
    <message>
        <source>会话继续</source>
        <translation>Session resumed</translation>
    </message>
    <message>
        <source>主管强制结束会话</source>
        <translation>Session force-closed by supervisor</translation>
    </message>
    <message>
        <source>异常件重新上传</source>
        <translation>Failed item uploaded again</translation>
    </message>
    <message>
        <source>异常件作废</source>
        <translation>Failed item voided</translation>
    </message>
    <message>
        <source>主管确认审计告警</source>
        <translation>Audit alarm acknowledged by supervisor</translation>
    </message>
    <message>
        <source>未知用户</source>
        <translation>Unknown user</translation>
    </message>
    <message>
        <source>密码已修改</source>
        <translation>Password changed</translation>
    </message>
    <message>
        <source>设置初始密码</source>
        <translation>Initial password set</translation>
    </message>
    <message>
        <source>创建演示账户</source>
        <translation>Demo account created</translation>
    </message>
    <message>
        <source>创建首个管理员账户</source>
        <translation>First administrator account created</translation>
    </message>
    <message>
        <source>动态验证码重复使用</source>
        <translation>One-time code reused</translation>
    </message>
    <message>
        <source>授权被拒（未绑定动态验证码）</source>
        <translation>Authorisation refused (no one-time code enrolled)</translation>
    </message>
    <message>
        <source>动态验证码错误</source>
        <translation>Wrong one-time code</translation>
    </message>
    <message>
        <source>新增柜员</source>
        <translation>Teller added</translation>
    </message>
    <message>
        <source>停用账户</source>
        <translation>Account disabled</translation>
    </message>
    <message>
        <source>启用账户</source>
        <translation>Account enabled</translation>
    </message>
    <message>
        <source>重新绑定动态验证码</source>
        <translation>One-time code enrolled again</translation>
    </message>
    <message>
        <source>解锁账户</source>
        <translation>Account unlocked</translation>
    </message>
    <message>
        <source>{area}（{action}）</source>
        <translation>{area} ({action})</translation>
    </message>
    <message>
        <source>{label}格式不正确，请按 2026-11-30 的格式输入。</source>
        <translation>The {label} is not valid; enter it as 2026-11-30.</translation>
    </message>
    <message>
        <source>起始日期</source>
        <translation>start date</translation>
    </message>
    <message>
        <source>截止日期</source>
        <translation>end date</translation>
    </message>
    <message>
        <source>截止日期不能早于起始日期。</source>
        <translation>The end date cannot be before the start date.</translation>
    </message>
    <message>
        <source>搜索内容最多 {max_chars} 个字。</source>
        <translation>The search text is at most {max_chars} characters.</translation>
    </message>
    <message>
        <source>系统</source>
        <translation>System</translation>
    </message>
    <message>
        <source>{label}：{value}</source>
        <translation>{label}: {value}</translation>
    </message>
    <message>
        <source>另有 {hidden} 项（可能含个人信息，已加密不显示）</source>
        <translation>{hidden} more item(s) (may contain personal data, encrypted and not shown)</translation>
    </message>
    <message>
        <source>没有符合条件的审计记录。</source>
        <translation>No audit entries match.</translation>
    </message>
    <message>
        <source>共 {total} 条，第 {page}/{pages} 页（第 {first}–{last} 条，按时间从新到旧）</source>
        <translation>{total} entries, page {page}/{pages} (entries {first}–{last}, newest first)</translation>
    </message>
    <message>
        <source>审计日志为空（{at} 校验）。</source>
        <translation>The audit log is empty (checked {at}).</translation>
    </message>
    <message>
        <source>审计链完整：已校验至第 {head_seq} 条（共 {entries} 条，{at} 完整校验）。</source>
        <translation>Audit chain intact: verified up to entry {head_seq} ({entries} entries, fully checked {at}).</translation>
    </message>
    <message>
        <source>自第 {seq} 条起</source>
        <translation>from entry {seq}</translation>
    </message>
    <message>
        <source>位置未能确定</source>
        <translation>position unknown</translation>
    </message>
    <message>
        <source>审计链断裂（{at} 校验）：{where}，{problem}。请立即报告主管，本柜台将锁定业务直至主管确认。</source>
        <translation>Audit chain broken (checked {at}): {where}, {problem}. Report to a supervisor at once; this counter&apos;s businesses are locked until a supervisor acknowledges.</translation>
    </message>
    <message>
        <source>审计链当前校验通过（{at}），但有待主管确认的告警：{alarm}</source>
        <translation>The audit chain verifies now ({at}), but an alarm awaits a supervisor&apos;s acknowledgement: {alarm}</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>社保卡申领提交</source>
        <translation>Card application submission</translation>
    </message>
    <message>
        <source>领卡登记</source>
        <translation>Card collection record</translation>
    </message>
    <message>
        <source>即时制卡占用空白卡</source>
        <translation>Instant issuance: blank card reserved</translation>
    </message>
    <message>
        <source>即时制卡结果上报</source>
        <translation>Instant issuance: result report</translation>
    </message>
    <message>
        <source>撤销即时制卡</source>
        <translation>Instant issuance cancellation</translation>
    </message>
    <message>
        <source>挂失</source>
        <translation>Loss report</translation>
    </message>
    <message>
        <source>补换卡</source>
        <translation>Card replacement</translation>
    </message>
    <message>
        <source>卡片启用</source>
        <translation>Card activation</translation>
    </message>
    <message>
        <source>密码重置授权</source>
        <translation>PIN reset authorisation</translation>
    </message>
    <message>
        <source>密码锁定上报</source>
        <translation>PIN lock report</translation>
    </message>
    <message>
        <source>制卡批次签收</source>
        <translation>Production batch receipt</translation>
    </message>
    <message>
        <source>参保证明出具</source>
        <translation>Insurance certificate issue</translation>
    </message>
    <message>
        <source>审计链头上报</source>
        <translation>Audit chain head report</translation>
    </message>
    <message>
        <source>日终汇总上报</source>
        <translation>Day-end summary report</translation>
    </message>
    <message>
        <source>变更该项信息需要证明材料，中心未收到证明</source>
        <translation>Changing this item requires proof, which the central system did not receive</translation>
    </message>
    <message>
        <source>变更后的信息格式或取值不被中心接受</source>
        <translation>The changed value&apos;s format or content is not accepted by the central system</translation>
    </message>
    <message>
        <source>中心不认识要变更的信息项</source>
        <translation>The central system does not know the item to change</translation>
    </message>
    <message>
        <source>该卡已挂失</source>
        <translation>The card has been reported lost</translation>
    </message>
    <message>
        <source>该卡不是正常使用状态</source>
        <translation>The card is not in normal use</translation>
    </message>
    <message>
        <source>该卡不在使用中</source>
        <translation>The card is not in use</translation>
    </message>
    <message>
        <source>该卡未挂失，不能解挂</source>
        <translation>The card is not reported lost; the loss report cannot be cancelled</translation>
    </message>
    <message>
        <source>须先办理正式挂失</source>
        <translation>A formal loss report is required first</translation>
    </message>
    <message>
        <source>该卡不是本行发行的卡</source>
        <translation>The card was not issued by this bank</translation>
    </message>
    <message>
        <source>不是本网点的业务</source>
        <translation>Not a business of this branch</translation>
    </message>
    <message>
        <source>已申请过补换卡</source>
        <translation>A replacement has already been applied for</translation>
    </message>
    <message>
        <source>不允许同号换卡</source>
        <translation>Replacement with the same number is not allowed</translation>
    </message>
    <message>
        <source>已在制卡中</source>
        <translation>Already in production</translation>
    </message>
    <message>
        <source>已在制卡批次中</source>
        <translation>Already in a production batch</translation>
    </message>
    <message>
        <source>已参保登记</source>
        <translation>Already registered for insurance</translation>
    </message>
    <message>
        <source>无权办理该申领</source>
        <translation>Not permitted to handle this application</translation>
    </message>
    <message>
        <source>该批次已签收</source>
        <translation>This batch has already been received</translation>
    </message>
    <message>
        <source>不在该批次中</source>
        <translation>Not in this batch</translation>
    </message>
    <message>
        <source>空白卡未被占用登记</source>
        <translation>The blank card was not recorded as reserved</translation>
    </message>
    <message>
        <source>不是即时制卡业务</source>
        <translation>Not an instant issuance business</translation>
    </message>
    <message>
        <source>本网点不是即办网点</source>
        <translation>This branch is not an instant issuance branch</translation>
    </message>
    <message>
        <source>该空白卡已被占用</source>
        <translation>This blank card is already reserved</translation>
    </message>
    <message>
        <source>空白卡序列号不符</source>
        <translation>Blank card serial does not match</translation>
    </message>
    <message>
        <source>未成年人须有监护人</source>
        <translation>A minor must have a guardian</translation>
    </message>
    <message>
        <source>监护人信息不符</source>
        <translation>Guardian details do not match</translation>
    </message>
    <message>
        <source>身份证号码不正确</source>
        <translation>Invalid ID number</translation>
    </message>
    <message>
        <source>身份证号码已被使用</source>
        <translation>ID number already in use</translation>
    </message>
    <message>
        <source>身份信息不符</source>
        <translation>Identity details do not match</translation>
    </message>
    <message>
        <source>缺少姓名</source>
        <translation>Name missing</translation>
    </message>
    <message>
        <source>缴费基数超出中心核定范围</source>
        <translation>Contribution base outside the range set by the central system</translation>
    </message>
    <message>
        <source>不符合参保条件</source>
        <translation>Not eligible for insurance</translation>
    </message>
    <message>
        <source>查无此单位</source>
        <translation>No such employer</translation>
    </message>
    <message>
        <source>单位已注销</source>
        <translation>Employer deregistered</translation>
    </message>
    <message>
        <source>统一社会信用代码不正确</source>
        <translation>Invalid unified social credit code</translation>
    </message>
    <message>
        <source>缺少统一社会信用代码</source>
        <translation>Unified social credit code missing</translation>
    </message>
    <message>
        <source>该参保身份不应填写统一社会信用代码</source>
        <translation>A unified social credit code must not be given for this insured status</translation>
    </message>
    <message>
        <source>证明已过期</source>
        <translation>Certificate expired</translation>
    </message>
    <message>
        <source>查无此证明</source>
        <translation>No such certificate</translation>
    </message>
    <message>
        <source>无权办理该卡的业务</source>
        <translation>Not permitted to handle this card</translation>
    </message>
    <message>
        <source>本柜台无权办理</source>
        <translation>This counter is not permitted</translation>
    </message>
    <message>
        <source>本网点无权办理</source>
        <translation>This branch is not permitted</translation>
    </message>
    <message>
        <source>请求内容不符合接口规范</source>
        <translation>The request does not conform to the interface specification</translation>
    </message>
    <message>
        <source>同一幂等键被用于不同的内容</source>
        <translation>The same idempotency key was used for different content</translation>
    </message>
    <message>
        <source>超出中心允许的数量</source>
        <translation>Exceeds the number the central system allows</translation>
    </message>
    <message>
        <source>请求内容过大</source>
        <translation>Request too large</translation>
    </message>
    <message>
        <source>中心多次返回格式不正确的数据</source>
        <translation>The central system repeatedly returned malformed data</translation>
    </message>
    <message>
        <source>本机无法组成该请求（程序或数据问题，请联系技术支持）</source>
        <translation>This workstation cannot compose the request (a program or data problem; contact IT support)</translation>
    </message>
    <message>
        <source>重新上传</source>
        <translation>Upload again</translation>
    </message>
    <message>
        <source>其他业务（{operation}）</source>
        <translation>Other business ({operation})</translation>
    </message>
    <message>
        <source>中心拒绝（未记录原因代码）</source>
        <translation>Refused by the central system (no reason code recorded)</translation>
    </message>
    <message>
        <source>中心拒绝（代码 {code}，请按代码查阅中心接口说明）</source>
        <translation>Refused by the central system (code {code}; look the code up in the central system&apos;s interface description)</translation>
    </message>
    <message>
        <source>异常件 #{item_id} 已改为重新上传（使用原幂等键，不会重复办理）。授权主管：{supervisor}</source>
        <translation>Failed item #{item_id} set to upload again (same idempotency key, no duplicate processing). Authorised by supervisor: {supervisor}</translation>
    </message>
    <message>
        <source>异常件 #{item_id} 已作废（记录保留，不再上传）。授权主管：{supervisor}</source>
        <translation>Failed item #{item_id} voided (record kept, no further upload). Authorised by supervisor: {supervisor}</translation>
    </message>
    <message>
        <source>请选择“重新上传”或“作废”。</source>
        <translation>Choose &quot;Upload again&quot; or &quot;Void&quot;.</translation>
    </message>
    <message>
        <source>#{item_id} 不是待处理的异常件（可能已被处理）。</source>
        <translation>#{item_id} is not a pending failed item (it may have been handled).</translation>
    </message>
    <message>
        <source>{days} 天 {hours} 小时</source>
        <translation>{days} d {hours} h</translation>
    </message>
    <message>
        <source>{hours} 小时 {minutes} 分钟</source>
        <translation>{hours} h {minutes} min</translation>
    </message>
    <message>
        <source>网点库存</source>
        <translation>Branch stock</translation>
    </message>
    <message>
        <source>柜员保管</source>
        <translation>Teller custody</translation>
    </message>
    <message>
        <source>已发卡</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>已作废</source>
        <translation>Spoiled</translation>
    </message>
    <message>
        <source>芯片序列号应为{length}位十六进制数字（0-9、A-F），“{serial}”不符合。</source>
        <extracomment>the allowed moves (from → to); receiving puts a new card in STOCK</extracomment>
        <translation>A chip serial has {length} hexadecimal digits (0-9, A-F); &quot;{serial}&quot; does not match.</translation>
    </message>
    <message>
        <source>芯片序列号 {serial} 不在本网点空白卡登记中（未入库或不是本网点的卡）</source>
        <translation>chip serial {serial} is not in this branch&apos;s blank card register (not received, or not this branch&apos;s card)</translation>
    </message>
    <message>
        <source>空白卡 {serial} 在网点库存中（尚未交给柜员保管）</source>
        <translation>blank card {serial} is in branch stock (not yet in a teller&apos;s custody)</translation>
    </message>
    <message>
        <source>空白卡 {serial} 由柜员 {custodian} 保管（{day} 领用）</source>
        <translation>blank card {serial} is in the custody of teller {custodian} (drawn on {day})</translation>
    </message>
    <message>
        <source>空白卡 {serial} 已用于申请 {application_id} 发卡</source>
        <translation>blank card {serial} was issued for application {application_id}</translation>
    </message>
    <message>
        <source>空白卡 {serial} 已登记为废卡</source>
        <translation>blank card {serial} is recorded as spoiled</translation>
    </message>
    <message>
        <source>空白卡 {serial} 是您 {taken_on} 领用的，未在当日交回；请先交回库存并重新领用（今天 {today}）</source>
        <translation>you drew blank card {serial} on {taken_on} and did not return it that day; return it to stock and draw it again (today is {today})</translation>
    </message>
    <message>
        <source>该卡不在您（{teller}）今天的保管中，不能制卡：{why}。</source>
        <translation>This card is not in your ({teller}) custody today and cannot be used: {why}.</translation>
    </message>
    <message>
        <source>不能{action}：{place}。</source>
        <translation>Cannot {action}: {place}.</translation>
    </message>
    <message>
        <source>该卡已登记，不能重复入库：{place}（箱号 {box_id}）。</source>
        <translation>This card is already registered and cannot be received again: {place} (box {box_id}).</translation>
    </message>
    <message>
        <source>卡识别码应为32位：6位地区代码、D156000005和16位十六进制字符，请核对。</source>
        <translation>The card identification code has 32 characters: a 6-digit region code, D156000005 and 16 hexadecimal characters. Please check.</translation>
    </message>
    <message>
        <source>卡识别码必须为大写十六进制。</source>
        <translation>The card identification code must be upper-case hexadecimal.</translation>
    </message>
    <message>
        <source>社保卡卡号必须为大写。</source>
        <translation>The card number must be upper case.</translation>
    </message>
    <message>
        <source>社会保障号码必须为大写。</source>
        <translation>The social security number must be upper case.</translation>
    </message>
    <message>
        <source>卡的类别应为1个字符。</source>
        <translation>The card type must be 1 character.</translation>
    </message>
    <message>
        <source>规范版本格式应为“3.00”。</source>
        <translation>The specification version must look like &quot;3.00&quot;.</translation>
    </message>
    <message>
        <source>初始化机构编号应为12位数字。</source>
        <translation>The initialising organisation number must be 12 digits.</translation>
    </message>
    <message>
        <source>卡有效期必须晚于发卡日期。</source>
        <translation>The card&apos;s expiry date must be after its issue date.</translation>
    </message>
    <message>
        <source>姓名不能为空，前后不能有空格。</source>
        <translation>The name must not be empty or start or end with a space.</translation>
    </message>
    <message>
        <source>性别代码应为1（男）或2（女）。</source>
        <translation>The sex code must be 1 (male) or 2 (female).</translation>
    </message>
    <message>
        <source>性别与社会保障号码不一致。</source>
        <translation>The sex does not match the social security number.</translation>
    </message>
    <message>
        <source>民族代码应为2位数字。</source>
        <translation>The ethnicity code must be 2 digits.</translation>
    </message>
    <message>
        <source>出生地应为6位行政区划代码。</source>
        <translation>The place of birth must be a 6-digit region code.</translation>
    </message>
    <message>
        <source>出生日期与社会保障号码不一致。</source>
        <translation>The date of birth does not match the social security number.</translation>
    </message>
    <message>
        <source>请录入单位的统一社会信用代码（18位）。</source>
        <translation>Enter the employer&apos;s unified social credit code (18 characters).</translation>
    </message>
    <message>
        <source>统一社会信用代码应为18位，录入的是{count}位，请核对营业执照。</source>
        <translation>A unified social credit code has 18 characters; {count} were entered. Check the business licence.</translation>
    </message>
    <message>
        <source>统一社会信用代码不含字符“{characters}”（不使用字母I、O、Z、S、V），请核对营业执照。</source>
        <translation>A unified social credit code does not contain &quot;{characters}&quot; (the letters I, O, Z, S and V are not used). Check the business licence.</translation>
    </message>
    <message>
        <source>统一社会信用代码第3至8位应为行政区划代码（数字），请核对营业执照。</source>
        <translation>Characters 3 to 8 of the unified social credit code must be a region code (digits). Check the business licence.</translation>
    </message>
    <message>
        <source>统一社会信用代码校验位不符，可能录入有误，请逐位核对营业执照。</source>
        <translation>The check character of the unified social credit code does not match; it may be mistyped. Check it against the business licence character by character.</translation>
    </message>
    <message>
        <source>最早一笔未上送业务允许积压的小时数，超过后拒绝新的可延后业务</source>
        <translation>Hours the oldest unsent business may wait; beyond that new deferrable business is refused</translation>
    </message>
    <message>
        <source>允许积压的未上送业务笔数，超过后拒绝新的可延后业务</source>
        <translation>Number of unsent businesses allowed to wait; beyond that new deferrable business is refused</translation>
    </message>
    <message>
        <source>距上次与中心成功同步允许的小时数，超过后拒绝新的可延后业务</source>
        <translation>Hours allowed since the last successful sync with the central system; beyond that new deferrable business is refused</translation>
    </message>
    <message>
        <source>本机磁盘最少剩余空间（MB），不足时拒绝新业务</source>
        <translation>Minimum free disk space on this PC (MB); below it new business is refused</translation>
    </message>
    <message>
        <source>照片规格配置有误：{settings} 必须是不小于0的数字，请联系网点技术支持。</source>
        <translation>Photo specification is wrong: {settings} must be numbers not below 0. Contact branch IT support.</translation>
    </message>
    <message>
        <source>照片规格配置有误：{low} 大于 {high}，请联系网点技术支持。</source>
        <translation>Photo specification is wrong: {low} is greater than {high}. Contact branch IT support.</translation>
    </message>
    <message>
        <source>照片规格配置有误：JPEG 质量须在 1–100 之间且不超出上下限。</source>
        <translation>Photo specification is wrong: JPEG quality must be within 1–100 and within its limits.</translation>
    </message>
    <message>
        <source>照片规格配置有误：背景白色占比不能超过1。</source>
        <translation>Photo specification is wrong: the white background ratio cannot exceed 1.</translation>
    </message>
    <message>
        <source>照片规格配置有误：尺寸和分辨率不能为0。</source>
        <translation>Photo specification is wrong: size and resolution cannot be 0.</translation>
    </message>
    <message>
        <source>照片规格配置有误：人脸位置超出照片尺寸。</source>
        <translation>Photo specification is wrong: the face position lies outside the photo.</translation>
    </message>
    <message>
        <source>照片规格配置中有无法识别的项：{settings}，请联系网点技术支持。</source>
        <translation>Photo specification has unknown settings: {settings}. Contact branch IT support.</translation>
    </message>
    <message>
        <source>格式与尺寸</source>
        <extracomment>The file itself must be right; the central refuses it otherwise, so no override.</extracomment>
        <translation>Format and size</translation>
    </message>
    <message>
        <source>文件大小</source>
        <translation>File size</translation>
    </message>
    <message>
        <source>白色背景</source>
        <translation>White background</translation>
    </message>
    <message>
        <source>人脸数量</source>
        <translation>Number of faces</translation>
    </message>
    <message>
        <source>脸部宽度</source>
        <translation>Face width</translation>
    </message>
    <message>
        <source>头顶位置</source>
        <translation>Top of head</translation>
    </message>
    <message>
        <source>双眼居中</source>
        <translation>Eyes centred</translation>
    </message>
    <message>
        <source>眼睛高度</source>
        <translation>Eye height</translation>
    </message>
    <message>
        <source>亮度</source>
        <translation>Brightness</translation>
    </message>
    <message>
        <source>清晰度</source>
        <translation>Sharpness</translation>
    </message>
    <message>
        <source>没有这一项照片检查。</source>
        <translation>There is no such photo check.</translation>
    </message>
    <message>
        <source>“{check}”检查没有失败，无需人工确认。</source>
        <translation>The &quot;{check}&quot; check did not fail; no manual approval is needed.</translation>
    </message>
    <message>
        <source>“{check}”不符合要求时不能人工放行，中心系统会拒收，请重新采集照片。</source>
        <translation>A failed &quot;{check}&quot; check cannot be approved manually; the central system would reject the photo. Capture it again.</translation>
    </message>
    <message>
        <source>“{check}”已经人工确认过。</source>
        <translation>&quot;{check}&quot; has already been approved manually.</translation>
    </message>
    <message>
        <source>请填写放行理由（至少{minimum}个字），说明为什么照片仍可使用。</source>
        <translation>Enter the reason for approval (at least {minimum} characters): why the photo can still be used.</translation>
    </message>
    <message>
        <source>缺少柜员号，无法记录人工确认。</source>
        <translation>No teller ID; the manual approval cannot be recorded.</translation>
    </message>
    <message>
        <source>数据录入</source>
        <translation>Data entry</translation>
    </message>
    <message>
        <source>制卡中</source>
        <translation>In production</translation>
    </message>
    <message>
        <source>已寄出</source>
        <translation>Shipped</translation>
    </message>
    <message>
        <source>网点签收</source>
        <translation>Received at branch</translation>
    </message>
    <message>
        <source>已启用</source>
        <translation>Activated</translation>
    </message>
    <message>
        <source>制卡失败</source>
        <translation>Production failed</translation>
    </message>
    <message>
        <source>已撤销</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>重新制卡待上传</source>
        <translation>Re-production awaiting upload</translation>
    </message>
    <message>
        <source>缺卡（清单有、实物无）</source>
        <translation>Missing card (on the list, not in the batch)</translation>
    </message>
    <message>
        <source>多卡（实物有、清单无）</source>
        <translation>Extra card (in the batch, not on the list)</translation>
    </message>
    <message>
        <source>错装（卡片装在他人信封内）</source>
        <translation>Misplaced (card in someone else&apos;s envelope)</translation>
    </message>
    <message>
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>周日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>{names}、{name}</source>
        <translation>{names}, {name}</translation>
    </message>
    <message>
        <source>本网点周末不营业</source>
        <translation>This branch is closed at weekends</translation>
    </message>
    <message>
        <source>0–7天</source>
        <extracomment>uncollected cards by whole days waited (the central&apos;s keeping period is 90 days)</extracomment>
        <translation>0–7 days</translation>
    </message>
    <message>
        <source>8–30天</source>
        <translation>8–30 days</translation>
    </message>
    <message>
        <source>31–60天</source>
        <translation>31–60 days</translation>
    </message>
    <message>
        <source>61–90天</source>
        <translation>61–90 days</translation>
    </message>
    <message>
        <source>90天以上</source>
        <translation>Over 90 days</translation>
    </message>
    <message>
        <source>中心系统没有该身份证号码的人员登记，不能申领。请核对号码；首次在宁波参保的人员须先办理参保登记。</source>
        <translation>The central system has no person registered under this ID number, so no application is possible. Check the number; a person insured in Ningbo for the first time must register for social insurance first.</translation>
    </message>
    <message>
        <source>非本市户籍（享受本市人社服务）</source>
        <translation>Non-local household (entitled to local HRSS services)</translation>
    </message>
    <message>
        <source>{reason}如已在宁波参保或办理居住证，请核实后再来办理。</source>
        <translation>{reason} If the applicant is insured in Ningbo or holds a residence permit, please verify and come back.</translation>
    </message>
    <message>
        <source>本柜台已受理过该申请人的申领（{application_no}），不能重复申领。</source>
        <translation>This counter has already accepted an application for this applicant ({application_no}); it cannot be made twice.</translation>
    </message>
    <message>
        <source>请在“集中制卡”中查询进度。</source>
        <translation>Query its progress in &quot;Central production&quot;.</translation>
    </message>
    <message>
        <source>专线中断，暂时无法向中心核验资格。本笔申领可先受理、暂存待上传，线路恢复后自动提交，中心核验不通过时将电话通知申请人。本网点暂不能即时制卡，本笔改为集中制卡（网点领取或EMS邮寄）。</source>
        <translation>The dedicated line is down; eligibility cannot be verified with the central system now. The application can be accepted and held for upload; it is submitted automatically when the line is restored, and the applicant is phoned if the central system refuses it. This branch cannot issue instantly now, so this application switches to central production (collection at a branch or EMS delivery).</translation>
    </message>
    <message>
        <source>专线中断，暂时无法向中心核验资格。本笔申领可先受理、暂存待上传，线路恢复后自动提交，中心核验不通过时将电话通知申请人。</source>
        <translation>The dedicated line is down; eligibility cannot be verified with the central system now. The application can be accepted and held for upload; it is submitted automatically when the line is restored, and the applicant is phoned if the central system refuses it.</translation>
    </message>
    <message>
        <source>待中心核验</source>
        <translation>Awaiting central verification</translation>
    </message>
    <message>
        <source>专线中断，无法即时制卡：本笔已改为集中制卡并将暂存待上传，请选择领卡方式后重新提交。</source>
        <translation>The dedicated line is down, so no instant issuance: this application is switched to central production and will be held for upload. Choose how the card is collected and submit again.</translation>
    </message>
    <message>
        <source>本笔申领的受理记录未找到，请联系网点技术支持。</source>
        <translation>The acceptance record of this application was not found; please contact branch IT support.</translation>
    </message>
    <message>
        <source>本笔申领已受理。</source>
        <translation>This application has been accepted.</translation>
    </message>
    <message>
        <source>已提交中心系统，中心受理号 {application_id}。</source>
        <translation>Submitted to the central system, central acceptance number {application_id}.</translation>
    </message>
    <message>
        <source>专线中断或中心无响应，申领已在本柜台受理并暂存，线路恢复后自动上传中心（同一受理不会重复提交）。</source>
        <translation>The dedicated line is down or the central system did not respond: the application has been accepted at this counter and held; it is uploaded automatically when the line is restored (never submitted twice).</translation>
    </message>
    <message>
        <source>中心系统未及时应答（本笔可能已被中心受理）：申领已在本柜台受理并暂存，中心确认后再制卡，届时通知申领人领卡（同一受理不会重复提交）。</source>
        <translation>The central system did not answer in time (it may already have accepted this application): the application has been accepted at this counter and held; the card is made once the central system confirms, and the applicant is then told to collect it (never submitted twice).</translation>
    </message>
    <message>
        <source>专线中断，申领已在本柜台受理并暂存，线路恢复后自动上传中心。</source>
        <translation>The dedicated line is down: the application has been accepted at this counter and held; it is uploaded automatically when the line is restored.</translation>
    </message>
    <message>
        <source>请填写姓名。</source>
        <translation>Enter the name.</translation>
    </message>
    <message>
        <source>姓名中不能有空格，请按证件填写。</source>
        <translation>The name cannot contain spaces; enter it as on the ID.</translation>
    </message>
    <message>
        <source>姓名只能由汉字和间隔号“·”组成，不能包含“{shown}”，请按证件填写。</source>
        <translation>The name may only contain Chinese characters and the middle dot &quot;·&quot;, not &quot;{shown}&quot;; enter it as on the ID.</translation>
    </message>
    <message>
        <source>间隔号“·”只能用在姓名中间。</source>
        <translation>The middle dot &quot;·&quot; can only be used inside the name.</translation>
    </message>
    <message>
        <source>姓名应为{min_chars}–{max_chars}个字。</source>
        <translation>The name must be {min_chars}–{max_chars} characters long.</translation>
    </message>
    <message>
        <source>姓名含有 GB18030 不能表示的字符。</source>
        <translation>The name contains characters GB18030 cannot represent.</translation>
    </message>
    <message>
        <source>请填写联系电话，制卡进度和领卡通知会发到这个号码。</source>
        <translation>Enter a contact phone number; production progress and collection notices are sent to it.</translation>
    </message>
    <message>
        <source>电话号码格式不正确：手机号为1开头的11位数字，固定电话如 0574-87654321。</source>
        <translation>Invalid phone number: a mobile number has 11 digits starting with 1; a landline looks like 0574-87654321.</translation>
    </message>
    <message>
        <source>请填写地址。</source>
        <translation>Enter the address.</translation>
    </message>
    <message>
        <source>地址过短，请填写到街道、门牌号。</source>
        <translation>The address is too short; include the street and house number.</translation>
    </message>
    <message>
        <source>地址不能超过{max_chars}个字。</source>
        <translation>The address cannot exceed {max_chars} characters.</translation>
    </message>
    <message>
        <source>地址须用中文填写。</source>
        <translation>The address must be written in Chinese.</translation>
    </message>
    <message>
        <source>请选择{what}。</source>
        <translation>Choose a value for &quot;{what}&quot;.</translation>
    </message>
    <message>
        <source>申请人本人有效居民身份证原件</source>
        <translation>The applicant&apos;s own valid resident ID card (original)</translation>
    </message>
    <message>
        <source>核对证件与本人一致、在有效期内</source>
        <translation>Check that the ID matches the person and is valid</translation>
    </message>
    <message>
        <source>近期一寸白底彩色免冠照片</source>
        <translation>Recent 1-inch colour photo, white background, no headwear</translation>
    </message>
    <message>
        <source>可现场拍照，或提交照相馆数码照片/扫描件</source>
        <translation>Can be taken on the spot, or a studio digital photo / scan supplied</translation>
    </message>
    <message>
        <source>浙江省居住证或在甬参保证明</source>
        <translation>Zhejiang residence permit or proof of social insurance in Ningbo</translation>
    </message>
    <message>
        <source>非本市户籍人员享受本市人社服务的依据</source>
        <translation>What entitles a non-local resident to local HRSS services</translation>
    </message>
    <message>
        <source>未成年人户口簿（或本人居民身份证）</source>
        <translation>The minor&apos;s household register (or own resident ID card)</translation>
    </message>
    <message>
        <source>核对未成年人身份信息</source>
        <translation>Check the minor&apos;s identity</translation>
    </message>
    <message>
        <source>监护人有效居民身份证原件</source>
        <translation>The guardian&apos;s valid resident ID card (original)</translation>
    </message>
    <message>
        <source>监护人本人到场办理</source>
        <translation>The guardian comes in person</translation>
    </message>
    <message>
        <source>户口簿、出生医学证明、法院判决书或公证书</source>
        <translation>Household register, birth certificate, court judgment or notarial certificate</translation>
    </message>
    <message>
        <source>未成年人近期一寸白底彩色免冠照片</source>
        <translation>The minor&apos;s recent 1-inch colour photo, white background, no headwear</translation>
    </message>
    <message>
        <source>可现场拍照，或提交数码照片</source>
        <translation>Can be taken on the spot, or a digital photo supplied</translation>
    </message>
    <message>
        <source>该申请人已有社保卡（{card_no}），因逾期未领已封存，请办理领卡启用。</source>
        <translation>The applicant already has a social security card ({card_no}), sealed because it was not collected in time; process card collection and activation.</translation>
    </message>
    <message>
        <source>该申请人已有制好的社保卡（{card_no}），尚未启用，请办理领卡启用。</source>
        <translation>The applicant already has a card made ({card_no}), not yet activated; process card collection and activation.</translation>
    </message>
    <message>
        <source>该申请人的社保卡（{card_no}）已挂失，一人一卡不能重复申领；如卡已找回请办理解挂，否则请在发卡银行网点办理补卡。</source>
        <translation>The applicant&apos;s social security card ({card_no}) is reported lost; one person holds one card, so no new application is possible. If the card was found, cancel the loss report; otherwise process a replacement at a branch of the issuing bank.</translation>
    </message>
    <message>
        <source>该申请人的社保卡（{card_no}）已损坏，请在发卡银行网点办理换卡。</source>
        <translation>The applicant&apos;s social security card ({card_no}) is damaged; process an exchange at a branch of the issuing bank.</translation>
    </message>
    <message>
        <source>该申请人的社保卡（{card_no}）密码已锁定，请办理密码重置解锁。</source>
        <translation>The PIN of the applicant&apos;s social security card ({card_no}) is locked; process a PIN reset and unlock.</translation>
    </message>
    <message>
        <source>该申请人已有正常使用的社保卡（{card_no}），一人一卡，无需申领。如卡片遗失请先挂失再补卡，损坏请换卡。</source>
        <translation>The applicant already has a social security card in normal use ({card_no}); one person holds one card, so no application is needed. A lost card is reported lost and then replaced; a damaged card is exchanged.</translation>
    </message>
    <message>
        <source>该申请人已有申领（{state}），卡片已制成，请办理领卡启用。</source>
        <translation>The applicant already has an application ({state}) and the card is made; process card collection and activation.</translation>
    </message>
    <message>
        <source>该申请人已有进行中的申领（{state}），不能重复申领；可在“集中制卡”中查询进度。</source>
        <translation>The applicant already has an application in progress ({state}) and cannot apply twice; query its progress in &quot;Central production&quot;.</translation>
    </message>
    <message>
        <source>启动时校验</source>
        <translation>The start-up check</translation>
    </message>
    <message>
        <source>定时完整校验</source>
        <translation>The scheduled full check</translation>
    </message>
    <message>
        <source>与中心链头核对</source>
        <translation>The check against the central chain head</translation>
    </message>
    <message>
        <source>中心系统拒收链头</source>
        <translation>The central system&apos;s refusal of the chain head</translation>
    </message>
    <message>
        <source>校验</source>
        <translation>A check</translation>
    </message>
    <message>
        <source>{found}发现本柜台的审计日志被篡改、删除或截断（自第 {seq} 条起）：{problem}。</source>
        <translation>{found} found this counter&apos;s audit log altered, deleted or truncated (from entry {seq}): {problem}.</translation>
    </message>
    <message>
        <source>{found}发现本柜台的审计日志被篡改、删除或截断：{problem}。</source>
        <translation>{found} found this counter&apos;s audit log altered, deleted or truncated: {problem}.</translation>
    </message>
    <message>
        <source>{what}
本柜台的业务已暂停。请立即通知主管到场：由主管核实情况、输入主管账号和密码并写明处理理由后方可继续。中心系统保留着此前上报的链头作为证据。</source>
        <translation>{what}
This counter&apos;s businesses are suspended. Call a supervisor at once: the supervisor checks what happened, enters the supervisor user name and password and writes the reason before work can go on. The central system keeps the chain head reported before as evidence.</translation>
    </message>
    <message>
        <source>待上报中心的主管确认记录的校验码不符（被改动）</source>
        <translation>The check code of a supervisor acknowledgement awaiting upload to the central system does not match (it was altered)</translation>
    </message>
    <message>
        <source>本机审计日志只有 {local_seq} 条，短于中心记录的链头（第 {central_seq} 条），日志末尾被截断</source>
        <translation>The local audit log has only {local_seq} entries, fewer than the chain head recorded at the central system (entry {central_seq}): the end of the log was truncated</translation>
    </message>
    <message>
        <source>本机第 {central_seq} 条与中心记录的链头不一致（日志被截断后重写或被改动）</source>
        <translation>Local entry {central_seq} differs from the chain head recorded at the central system (the log was truncated and rewritten, or altered)</translation>
    </message>
    <message>
        <source>请写明处理理由（至少{min_chars}个字），理由将记入审计日志。</source>
        <translation>Write the reason for handling (at least {min_chars} characters); it is recorded in the audit log.</translation>
    </message>
    <message>
        <source>{what}文件不存在：{path}</source>
        <translation>{what} file does not exist: {path}</translation>
    </message>
    <message>
        <source>{what}路径是目录，不是文件：{path}</source>
        <translation>{what} path is a folder, not a file: {path}</translation>
    </message>
    <message>
        <source>{what}文件无法读取（{error}）：{path}</source>
        <translation>{what} file cannot be read ({error}): {path}</translation>
    </message>
    <message>
        <source>{what}文件不是 PEM 格式（应以 -----BEGIN 开头的文本）：{path}</source>
        <translation>{what} file is not in PEM format (text starting with -----BEGIN expected): {path}</translation>
    </message>
    <message>
        <source>{what}已过期（有效期至 {until} UTC）</source>
        <translation>{what} has expired (valid until {until} UTC)</translation>
    </message>
    <message>
        <source>{what}尚未生效（自 {since} UTC 起）</source>
        <translation>{what} is not valid yet (valid from {since} UTC)</translation>
    </message>
    <message>
        <source>CA 证书文件不是有效的 PEM 证书：{path}</source>
        <translation>The CA certificate file is not a valid PEM certificate: {path}</translation>
    </message>
    <message>
        <source>客户端证书文件不是有效的 PEM 证书：{cert_path}</source>
        <translation>The client certificate file is not a valid PEM certificate: {cert_path}</translation>
    </message>
    <message>
        <source>私钥</source>
        <translation>Private key</translation>
    </message>
    <message>
        <source>私钥有口令保护，柜面程序无法使用，请导出不带口令的私钥：{key_path}</source>
        <translation>The private key is passphrase-protected and cannot be used by the counter application; export the private key without a passphrase: {key_path}</translation>
    </message>
    <message>
        <source>私钥文件不是有效的 PEM 私钥：{key_path}</source>
        <translation>The private key file is not a valid PEM private key: {key_path}</translation>
    </message>
    <message>
        <source>私钥与客户端证书不匹配（不是同一对密钥）</source>
        <translation>The private key does not match the client certificate (not the same key pair)</translation>
    </message>
    <message>
        <source>中心系统与证书</source>
        <translation>Central system and certificates</translation>
    </message>
    <message>
        <source>银行与网点</source>
        <translation>Bank and branch</translation>
    </message>
    <message>
        <source>读卡器与打印机</source>
        <translation>Card readers and printers</translation>
    </message>
    <message>
        <source>检测并保存</source>
        <translation>Check and save</translation>
    </message>
    <message>
        <source>(语法)</source>
        <translation>(syntax)</translation>
    </message>
    <message>
        <source>不是有效的 TOML：{error}</source>
        <translation>Not valid TOML: {error}</translation>
    </message>
    <message>
        <source>中心系统地址必须使用 https（专线上的中心）；只有本机回环地址上的参考中心可以用 http</source>
        <translation>The central system address must use https (the central system on the dedicated line); only the reference central system on this machine&apos;s loopback address may use http</translation>
    </message>
    <message>
        <source>请选择中心的 CA 证书文件</source>
        <translation>Choose the central system&apos;s CA certificate file</translation>
    </message>
    <message>
        <source>请选择本网点的客户端证书和私钥文件（双向 TLS）</source>
        <translation>Choose this branch&apos;s client certificate and private key files (mutual TLS)</translation>
    </message>
    <message>
        <source>配置了证书时中心系统地址必须使用 https</source>
        <translation>With certificates configured, the central system address must use https</translation>
    </message>
    <message>
        <source>客户端证书属于网点 {cert_branch}，与配置的网点 {branch_code} 不符（中心按证书识别网点，会拒绝请求）</source>
        <translation>The client certificate belongs to branch {cert_branch}, not the configured branch {branch_code} (the central system identifies the branch by the certificate and would refuse requests)</translation>
    </message>
    <message>
        <source>中心系统</source>
        <translation>Central system</translation>
    </message>
    <message>
        <source>{url}：{reason}</source>
        <translation>{url}: {reason}</translation>
    </message>
    <message>
        <source>{url} 可以连接（{latency:.0f} ms），证书被接受</source>
        <translation>{url} is reachable ({latency:.0f} ms), certificate accepted</translation>
    </message>
    <message>
        <source>中心的{bank}网点名录中没有 {branch_code}</source>
        <translation>Branch {branch_code} is not in the central system&apos;s directory of {bank} branches</translation>
    </message>
    <message>
        <source>即办</source>
        <translation>instant issuance</translation>
    </message>
    <message>
        <source>非即办</source>
        <translation>non-instant issuance</translation>
    </message>
    <message>
        <source>中心登记 {code} 为{kind}网点，与配置的 instant_issue 不符</source>
        <translation>The central system registers {code} as a {kind} branch, which differs from the configured instant_issue</translation>
    </message>
    <message>
        <source>{code} {name}（{kind}）</source>
        <translation>{code} {name} ({kind})</translation>
    </message>
    <message>
        <source>卡槽读卡器</source>
        <translation>Card slot reader</translation>
    </message>
    <message>
        <source>PSAM 读卡器</source>
        <translation>PSAM reader</translation>
    </message>
    <message>
        <source>无法列出读卡器：{reason}</source>
        <translation>Cannot list the card readers: {reason}</translation>
    </message>
    <message>
        <source>“{name}”已连接</source>
        <translation>&quot;{name}&quot; connected</translation>
    </message>
    <message>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <source>未找到读卡器“{name}”（已连接：{listed}）</source>
        <translation>Card reader &quot;{name}&quot; not found (connected: {listed})</translation>
    </message>
    <message>
        <source>卡面打印机</source>
        <translation>Card face printer</translation>
    </message>
    <message>
        <source>未接卡面打印机：卡面存为 PDF 文件</source>
        <translation>No card printer: card faces are saved as PDF files</translation>
    </message>
    <message>
        <source>“{name}”可用</source>
        <translation>&quot;{name}&quot; available</translation>
    </message>
    <message>
        <source>“{name}”未找到（已被删除或改名？）</source>
        <translation>&quot;{name}&quot; not found (deleted or renamed?)</translation>
    </message>
    <message>
        <source>使用系统默认打印机</source>
        <translation>Uses the system default printer</translation>
    </message>
    <message>
        <source>使用系统默认打印机（本机尚未添加打印机，可先另存为 PDF）</source>
        <translation>Uses the system default printer (no printer added on this machine yet; documents can be saved as PDF meanwhile)</translation>
    </message>
    <message>
        <source>无法连接中心系统：专线中断、地址有误或中心停机</source>
        <translation>Cannot connect to the central system: dedicated line down, wrong address or central system down</translation>
    </message>
    <message>
        <source>中心系统响应超时</source>
        <translation>The central system did not answer in time</translation>
    </message>
    <message>
        <source>请输入 http:// 或 https:// 开头的中心系统地址</source>
        <translation>Enter a central system address starting with http:// or https://</translation>
    </message>
    <message>
        <source>请填写完整路径（从盘符或 / 开始）：{given}</source>
        <translation>Enter the full path (from the drive letter or /): {given}</translation>
    </message>
    <message>
        <source>请选择合作银行</source>
        <translation>Choose the partner bank</translation>
    </message>
    <message>
        <source>请从中心的{bank}网点名录中选择网点</source>
        <translation>Choose the branch from the central system&apos;s directory of {bank} branches</translation>
    </message>
    <message>
        <source>网点代码应为 4–32 位大写字母、数字或连字符</source>
        <translation>The branch code must be 4–32 capital letters, digits or hyphens</translation>
    </message>
    <message>
        <source>请输入网点名称（打印在申请表和回执上）</source>
        <translation>Enter the branch name (printed on application forms and receipts)</translation>
    </message>
    <message>
        <source>柜台号应为 1–8 位字母或数字</source>
        <translation>The counter number must be 1–8 letters or digits</translation>
    </message>
    <message>
        <source>客户端证书属于网点 {cert_branch}，与所选网点 {code} 不符</source>
        <translation>The client certificate belongs to branch {cert_branch}, not the chosen branch {code}</translation>
    </message>
    <message>
        <source>请选择放客户社保卡的读卡器</source>
        <translation>Choose the reader for the customer&apos;s social security card</translation>
    </message>
    <message>
        <source>请选择放网点 PSAM 卡的读卡器</source>
        <translation>Choose the reader for the branch&apos;s PSAM card</translation>
    </message>
    <message>
        <source>PSAM 读卡器不能与卡槽读卡器相同</source>
        <translation>The PSAM reader cannot be the same as the card slot reader</translation>
    </message>
    <message>
        <source>中心系统接口不提供网点统计，仅显示本机数据。</source>
        <extracomment>None: the central cannot say (a fake without the operation); the figures say so whether the line is up now (the sync worker&apos;s judgement); None: ask anyway</extracomment>
        <translation>The central system interface provides no branch statistics; only this workstation&apos;s data is shown.</translation>
    </message>
    <message>
        <source>专线中断：仅显示本机数据，线路恢复后可查看中心汇总。</source>
        <translation>Dedicated line down: only this workstation&apos;s data is shown; central totals are available when the line is back.</translation>
    </message>
    <message>
        <source>暂时无法获取中心汇总（{code}），仅显示本机数据。</source>
        <translation>Central totals are not available now ({code}); only this workstation&apos;s data is shown.</translation>
    </message>
    <message>
        <source>工作日 · 周末服务 {hours}</source>
        <translation>Weekday · weekend service {hours}</translation>
    </message>
    <message>
        <source>周末服务中 · {hours}</source>
        <translation>Weekend service open · {hours}</translation>
    </message>
    <message>
        <source>周末服务时间外 · {hours}</source>
        <translation>Outside weekend service hours · {hours}</translation>
    </message>
    <message>
        <source>本网点今日周末不营业</source>
        <translation>This branch is closed this weekend day</translation>
    </message>
    <message>
        <source>此操作</source>
        <extracomment>steps either side of the counter&apos;s clock a code is accepted in (clock drift, typing time) a supervisor deciding another counter&apos;s remote approval request (workflows/remote_approval) an approval given by a supervisor at another counter through the central (远程授权): no secrets are typed here, the central&apos;s approval is consumed instead the one authorising callable the workflows receive: (approval, purpose) -&gt; the supervisor&apos;s user name; raises ``LoginRefused`` (counted and audited) when refused</extracomment>
        <translation>This operation</translation>
    </message>
    <message>
        <source>{what}须由主管输入账号、密码和动态验证码授权。</source>
        <translation>{what} requires a supervisor&apos;s user name, password and one-time code.</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>待改密码</source>
        <translation>Must change password</translation>
    </message>
    <message>
        <source>已绑定</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <source>未绑定</source>
        <translation>Not enrolled</translation>
    </message>
    <message>
        <source>只有主管或系统管理员可以管理柜员账户。</source>
        <translation>Only a supervisor or system administrator can manage teller accounts.</translation>
    </message>
    <message>
        <source>值班主管只在周末营业时间内管理柜员账户；其他时间请由主管或系统管理员办理。</source>
        <translation>A weekend duty supervisor manages teller accounts only during weekend opening hours; at other times a supervisor or an administrator does it.</translation>
    </message>
    <message>
        <source>没有账户“{username}”，请核对用户名。</source>
        <translation>No account &quot;{username}&quot;; check the user name.</translation>
    </message>
    <message>
        <source>不能{what}自己的账户。</source>
        <translation>{what}: not allowed on your own account.</translation>
    </message>
    <message>
        <source>主管只能{what}柜员账户；{role}账户请由系统管理员处理。</source>
        <translation>{what}: a supervisor may do this only for teller accounts; {role} accounts are handled by the system administrator.</translation>
    </message>
    <message>
        <source>用户名为3–16位字母或数字，以字母开头，如 T0305。</source>
        <translation>The user name is 3–16 letters or digits starting with a letter, e.g. T0305.</translation>
    </message>
    <message>
        <source>请填写姓名（不超过{max_chars}个字）。</source>
        <translation>Enter the name (at most {max_chars} characters).</translation>
    </message>
    <message>
        <source>请选择角色。</source>
        <translation>Choose a role.</translation>
    </message>
    <message>
        <source>主管只能添加柜员；主管和系统管理员账户由系统管理员添加。</source>
        <translation>A supervisor can add tellers only; supervisor and system administrator accounts are added by the system administrator.</translation>
    </message>
    <message>
        <source>用户名“{username}”已存在（含已停用的账户），请换一个。</source>
        <translation>User name &quot;{username}&quot; already exists (disabled accounts included); choose another.</translation>
    </message>
    <message>
        <source>请写明停用原因（至少{min_chars}个字），将记入审计日志。</source>
        <translation>Write the reason for disabling (at least {min_chars} characters); it is recorded in the audit log.</translation>
    </message>
    <message>
        <source>该账户已停用。</source>
        <translation>The account is disabled.</translation>
    </message>
    <message>
        <source>该账户正在使用，无需启用。</source>
        <translation>The account is in use; no need to enable it.</translation>
    </message>
    <message>
        <source>只有系统管理员可以更改账户的角色。</source>
        <translation>Only an administrator can change an account&apos;s role.</translation>
    </message>
    <message>
        <source>不能更改自己账户的角色，请由另一位系统管理员办理。</source>
        <translation>You cannot change your own account&apos;s role; ask another administrator.</translation>
    </message>
    <message>
        <source>该账户已经是{role}。</source>
        <translation>This account already is a {role}.</translation>
    </message>
    <message>
        <source>该账户没有被锁定，无需解锁。</source>
        <translation>The account is not locked; no need to unlock it.</translation>
    </message>
    <message>
        <source>不能为自己的账户授权解锁，请由另一位主管授权。</source>
        <translation>You cannot authorise unlocking your own account; ask another supervisor to authorise it.</translation>
    </message>
    <message>
        <source>主管只能为本人绑定动态验证码；为他人绑定请由系统管理员操作。</source>
        <translation>A supervisor can enrol a one-time code only for themselves; enrolling others is done by the system administrator.</translation>
    </message>
    <message>
        <source>本机程序版本 {running} 低于中心要求的最低版本 {required}。请在 {days} 天内签退以下载更新并重新启动程序完成升级；逾期将不能受理新业务。</source>
        <extracomment>app_state key: the minimum version this counter was first found below, and when</extracomment>
        <translation>This workstation&apos;s program version {running} is below the minimum version {required} the central system requires. Within {days} day(s), sign out to download the update and restart the program to upgrade; after that no new business can be accepted.</translation>
    </message>
    <message>
        <source>本机程序版本 {running} 低于中心要求的最低版本 {required}，宽限期已过，不能受理新业务（已开始的业务可以办完）。请签退后重新启动程序完成升级，或联系网点技术支持安装新版本。</source>
        <translation>This workstation&apos;s program version {running} is below the minimum version {required} the central system requires and the grace period is over: no new business can be accepted (businesses already started can be finished). Sign out and restart the program to upgrade, or ask branch IT support to install the new version.</translation>
    </message>
    <message>
        <source>常住地址</source>
        <translation>Residential address</translation>
    </message>
    <message>
        <source>学历</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>婚姻状况</source>
        <translation>Marital status</translation>
    </message>
    <message>
        <source>参加工作时间</source>
        <translation>Work start date</translation>
    </message>
    <message>
        <source>本人人事档案中的招工（录用）审批表</source>
        <translation>The recruitment (hiring) approval form in the person&apos;s personnel file</translation>
    </message>
    <message>
        <source>参加工作时的劳动合同或工资发放原始记录</source>
        <translation>The labour contract or original payroll records from the start of work</translation>
    </message>
    <message>
        <source>本人人事档案中最早记载出生日期的原始材料</source>
        <translation>The earliest original record of the birth date in the person&apos;s personnel file</translation>
    </message>
    <message>
        <source>本人户口簿</source>
        <translation>The person&apos;s household register</translation>
    </message>
    <message>
        <source>公民身份号码</source>
        <translation>Citizen ID number</translation>
    </message>
    <message>
        <source>公安机关出具的户籍（身份信息）变更证明</source>
        <translation>Public security bureau&apos;s certificate of the household (identity) change</translation>
    </message>
    <message>
        <source>人民法院判决书或裁定书</source>
        <translation>People&apos;s court judgment or ruling</translation>
    </message>
    <message>
        <source>联系电话应为11位手机号码或带区号的固定电话。</source>
        <translation>The contact phone must be an 11-digit mobile number or a landline with area code.</translation>
    </message>
    <message>
        <source>请从列表中选择{field}。</source>
        <translation>Choose the {field} from the list.</translation>
    </message>
    <message>
        <source>地址最多{max_chars}个字。</source>
        <translation>The address can have at most {max_chars} characters.</translation>
    </message>
    <message>
        <source>日期格式应为 YYYY-MM-DD。</source>
        <translation>The date must be in the form YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>日期不能晚于今天。</source>
        <translation>The date cannot be later than today.</translation>
    </message>
    <message>
        <source>日期不正确。</source>
        <translation>The date is not valid.</translation>
    </message>
    <message>
        <source>姓名应为2至30个汉字（少数民族姓名可含“·”）。</source>
        <translation>The name must be 2 to 30 Chinese characters (ethnic minority names may contain &quot;·&quot;).</translation>
    </message>
    <message>
        <source>新姓名与中心登记的姓名相同。</source>
        <translation>The new name is the same as the name registered at the central system.</translation>
    </message>
    <message>
        <source>新身份证号码与现号码相同。</source>
        <translation>The new ID number is the same as the current one.</translation>
    </message>
    <message>
        <source>新性别与中心登记的性别相同。</source>
        <translation>The new sex is the same as the sex registered at the central system.</translation>
    </message>
    <message>
        <source>请至少录入一项要变更的信息。</source>
        <translation>Enter at least one item to change.</translation>
    </message>
    <message>
        <source>专线中断，只能办理联系电话、地址、学历、婚姻状况的变更；参加工作时间、出生日期、姓名、身份证号码、性别、民族的变更须联网办理。</source>
        <translation>The dedicated line is down: only the phone, address, education and marital status can be changed; changes to the work start date, birth date, name, ID number, sex and ethnic group require the line.</translation>
    </message>
    <message>
        <source>{field}变更须核验原始记录：请勾选已核验的{records}。</source>
        <translation>A change of {field} requires checking the original records: tick {records} once checked.</translation>
    </message>
    <message>
        <source>姓名、身份证号码、性别、民族变更须用阅读器读取本人身份证，手工录入号码不能办理。</source>
        <translation>A change of name, ID number, sex or ethnic group requires reading the person&apos;s ID card with the reader; it cannot be done with a number entered by hand.</translation>
    </message>
    <message>
        <source>请录入证明材料的编号（文号，至少{min_chars}个字符）。</source>
        <translation>Enter the proof&apos;s document number (at least {min_chars} characters).</translation>
    </message>
    <message>
        <source>请选择证明材料：公安机关证明或人民法院判决（裁定）书。</source>
        <translation>Choose the proof: a public security certificate or a people&apos;s court judgment (ruling).</translation>
    </message>
    <message>
        <source>专线中断，暂不能办理参加工作时间、出生日期、姓名、身份证号码、性别的变更：这些变更须由中心实时受理，请待线路恢复后办理。</source>
        <translation>The dedicated line is down: the work start date, birth date, name, ID number and sex cannot be changed now, as the central system must accept these changes in real time. Please process them once the line is restored.</translation>
    </message>
    <message>
        <source>中心系统中没有该身份证号码的参保人员记录，请核对号码；尚未参保的请先办理参保登记。</source>
        <translation>The central system has no insured person with this ID number; check the number. A person not yet insured must register first.</translation>
    </message>
    <message>
        <source>请核对后点击“确认变更”。</source>
        <translation>Check, then click &quot;Confirm change&quot;.</translation>
    </message>
    <message>
        <source>（尚未识别）</source>
        <translation>(not identified yet)</translation>
    </message>
    <message>
        <source>信息变更已完成，中心系统已更新参保信息。</source>
        <translation>The change is complete; the central system has updated the person&apos;s details.</translation>
    </message>
    <message>
        <source>中心系统未及时应答（本笔变更可能已生效），系统将按同一业务编号自动确认，不会重复变更。</source>
        <translation>The central system did not answer in time (this change may already be in effect); the system will confirm it under the same business number automatically and will not change twice.</translation>
    </message>
    <message>
        <source>专线中断，本笔信息变更已在本柜台受理并暂存，线路恢复后自动上传中心生效。</source>
        <translation>The dedicated line is down: this change has been accepted at this counter and held; it is uploaded to the central system automatically and takes effect when the line is restored.</translation>
    </message>
    <message>
        <source>单位职工参保</source>
        <translation>Employee registration</translation>
    </message>
    <message>
        <source>灵活就业人员参保</source>
        <translation>Flexible employment registration</translation>
    </message>
    <message>
        <source>本人有效居民身份证原件</source>
        <translation>The person&apos;s own valid resident ID card (original)</translation>
    </message>
    <message>
        <source>劳动合同或单位出具的录用（用工）证明</source>
        <translation>Labour contract or the employer&apos;s proof of employment</translation>
    </message>
    <message>
        <source>单位统一社会信用代码（营业执照副本复印件或单位书面提供）</source>
        <translation>The employer&apos;s unified social credit code (copy of the business licence or in writing from the employer)</translation>
    </message>
    <message>
        <source>本人确认目前无用人单位为其参保（灵活就业或个体劳动者）</source>
        <translation>The person confirms no employer currently insures them (flexible employment or self-employed)</translation>
    </message>
    <message>
        <source>本人社会保障卡或银行卡（签订缴费扣款协议用）</source>
        <translation>The person&apos;s social security card or bank card (for the contribution direct-debit agreement)</translation>
    </message>
    <message>
        <source>身份证原件</source>
        <translation>ID card original</translation>
    </message>
    <message>
        <source>劳动合同或录用证明</source>
        <translation>Labour contract or proof of employment</translation>
    </message>
    <message>
        <source>单位统一社会信用代码</source>
        <translation>Employer&apos;s unified social credit code</translation>
    </message>
    <message>
        <source>本人确认无用人单位参保</source>
        <translation>Confirmed: no employer insures the person</translation>
    </message>
    <message>
        <source>缴费扣款银行卡</source>
        <translation>Bank card for contribution direct debit</translation>
    </message>
    <message>
        <source>全部险种（养老、失业、工伤）</source>
        <translation>All insurances (pension, unemployment, work injury)</translation>
    </message>
    <message>
        <source>养老保险</source>
        <translation>Pension insurance</translation>
    </message>
    <message>
        <source>失业保险</source>
        <translation>Unemployment insurance</translation>
    </message>
    <message>
        <source>工伤保险</source>
        <translation>Work injury insurance</translation>
    </message>
    <message>
        <source>请录入月缴费基数（元）。</source>
        <translation>Enter the monthly contribution base (CNY).</translation>
    </message>
    <message>
        <source>缴费基数应为金额（元，最多两位小数）。</source>
        <translation>The contribution base must be an amount (CNY, at most two decimals).</translation>
    </message>
    <message>
        <source>缴费基数超出{year}年度范围：应在{low}元至{high}元之间（含），录入的是{entered}元。</source>
        <translation>The contribution base is outside the {year} range: it must be between CNY {low} and CNY {high} (inclusive); CNY {entered} was entered.</translation>
    </message>
    <message>
        <source>请选择参保类型：单位职工或灵活就业人员。</source>
        <translation>Choose the registration type: employee or flexible employment.</translation>
    </message>
    <message>
        <source>以下材料尚未核验：{materials}</source>
        <translation>These materials have not been checked yet: {materials}</translation>
    </message>
    <message>
        <source>请读取身份证或录入身份证号码。</source>
        <translation>Read the ID card or enter the ID number.</translation>
    </message>
    <message>
        <source>手工录入号码的，请按身份证录入姓名。</source>
        <translation>When the number is entered by hand, enter the name as on the ID card.</translation>
    </message>
    <message>
        <source>请向中心查询该单位（F5）。</source>
        <translation>Look the employer up at the central system (F5).</translation>
    </message>
    <message>
        <source>{employer}已注销社会保险登记，不能为其职工办理参保；请单位先到社保经办机构办理。</source>
        <translation>{employer} has cancelled its social insurance registration, so its employees cannot be registered; the employer must first see the social insurance agency.</translation>
    </message>
    <message>
        <source>尚未取得中心核定的缴费基数范围，请重新查询（F5）。</source>
        <translation>The contribution base range set by the central system has not been obtained yet; query again (F5).</translation>
    </message>
    <message>
        <source>请至少选择一个险种。</source>
        <translation>Choose at least one insurance.</translation>
    </message>
    <message>
        <source>只能选择：{insurances}。</source>
        <translation>Only these can be chosen: {insurances}.</translation>
    </message>
    <message>
        <source>读卡器中没有卡片，请将空白卡芯片朝上插入读卡器后重试。</source>
        <translation>There is no card in the reader. Insert the blank card chip up and try again.</translation>
    </message>
    <message>
        <source>读卡器中的卡片已个人化（不是空白卡），不能入库。请取出该卡，插入空白卡。</source>
        <translation>The card in the reader is personalised (not a blank card) and cannot be received. Remove it and insert a blank card.</translation>
    </message>
    <message>
        <source>卡片应答（ATR）过短，无法识别芯片序列号，请重新插卡。</source>
        <translation>The card&apos;s answer (ATR) is too short to identify the chip serial. Re-insert the card.</translation>
    </message>
    <message>
        <source>模拟空白卡读卡器</source>
        <translation>Simulated blank card reader</translation>
    </message>
    <message>
        <source>卡面打印机未能打印（未连接、缺色带或卡片卡住），卡片芯片已写好，未作废。</source>
        <translation>The card printer could not print (not connected, out of ribbon or card jammed). The chip is written and the card is not spoiled.</translation>
    </message>
    <message>
        <source>卡面打印机（PDF输出）</source>
        <translation>Card printer (PDF output)</translation>
    </message>
    <message>
        <source>卡面打印机未能打印（{printer}：{problem}），卡片芯片已写好，未作废。</source>
        <translation>The card printer could not print ({printer}: {problem}). The chip is written and the card is not spoiled.</translation>
    </message>
    <message>
        <source>无法写入</source>
        <translation>cannot write</translation>
    </message>
    <message>
        <source>卡面打印机“{printer}”只能在柜台界面中使用，卡片芯片已写好，未作废。</source>
        <translation>Card printer &quot;{printer}&quot; can only be used from the counter screens. The chip is written; the card is not spoiled.</translation>
    </message>
    <message>
        <source>PNG 文件头已损坏，无法读取，请重新导出或重新扫描。</source>
        <extracomment>Working images are reduced to this longest side: enough for a 358×441 crop and fast enough for the detector on a counter PC.</extracomment>
        <translation>The PNG file header is damaged and cannot be read. Export or scan it again.</translation>
    </message>
    <message>
        <source>图片尺寸为0，文件已损坏。</source>
        <translation>The image size is 0; the file is damaged.</translation>
    </message>
    <message>
        <source>图片尺寸过大（{width}×{height}，约{megapixels:.0f}百万像素），超过允许的{limit:.0f}百万像素或单边{max_side}像素，已拒绝读取。请在扫描仪或相机上选用较低分辨率后重新导入。</source>
        <translation>The image is too large ({width}×{height}, about {megapixels:.0f} megapixels), above the allowed {limit:.0f} megapixels or {max_side} pixels per side; it was not read. Choose a lower resolution on the scanner or camera and import again.</translation>
    </message>
    <message>
        <source>照片分辨率太低（{width}×{height}像素），制卡照片至少需要{min_width}×{min_height}像素（宽×高），放大后会模糊，不能使用。请重新拍摄（摄像头请设为较高分辨率），或向照相馆索取原始尺寸的电子照片，不要使用缩略图、截图或聊天软件压缩过的图片。</source>
        <translation>The photo&apos;s resolution is too low ({width}×{height} pixels); a card photo needs at least {min_width}×{min_height} pixels (width×height) and would blur if enlarged, so it cannot be used. Take it again (set the camera to a higher resolution), or ask the photo studio for the full-size digital photo; do not use thumbnails, screenshots or images compressed by chat apps.</translation>
    </message>
    <message>
        <source>文件是空的，请重新选择照片文件。</source>
        <translation>The file is empty. Choose the photo file again.</translation>
    </message>
    <message>
        <source>文件过大（{size_mb:.1f} MB），超过允许的 {max_mb:.0f} MB，请压缩后重新导入。</source>
        <translation>The file is too large ({size_mb:.1f} MB, above the allowed {max_mb:.0f} MB). Compress it and import again.</translation>
    </message>
    <message>
        <source>只能导入 JPEG 或 PNG 格式的照片（该文件实际为 {format} 格式），请另存为 JPEG 后重新导入。</source>
        <translation>Only JPEG or PNG photos can be imported (this file is actually {format}). Save it as JPEG and import again.</translation>
    </message>
    <message>
        <source>只能导入 JPEG 或 PNG 格式的照片，请另存为 JPEG 后重新导入。</source>
        <translation>Only JPEG or PNG photos can be imported. Save it as JPEG and import again.</translation>
    </message>
    <message>
        <source>图片像素数量异常巨大（疑似恶意压缩文件），已拒绝读取。</source>
        <translation>The image has an abnormally large number of pixels (possibly a malicious compressed file); it was not read.</translation>
    </message>
    <message>
        <source>照片文件已损坏或不完整（可能拷贝未完成），无法读取。请重新拷贝或重新扫描后导入。</source>
        <translation>The photo file is damaged or incomplete (the copy may not have finished) and cannot be read. Copy or scan it again and import.</translation>
    </message>
    <message>
        <source>找不到所选的照片文件，可能已被移走。</source>
        <translation>The chosen photo file cannot be found; it may have been moved.</translation>
    </message>
    <message>
        <source>所选的是文件夹，请选择照片文件。</source>
        <translation>A folder was chosen. Choose a photo file.</translation>
    </message>
    <message>
        <source>没有读取该文件的权限，请联系网点技术支持。</source>
        <translation>No permission to read this file. Contact branch IT support.</translation>
    </message>
    <message>
        <source>人脸检测模型 {model} 无法加载（应随 opencv-python-headless 4.x 安装），请联系网点技术支持重新安装程序。</source>
        <translation>The face detection model {model} cannot be loaded (it comes with opencv-python-headless 4.x). Ask branch IT support to reinstall the program.</translation>
    </message>
    <message>
        <source>无法把照片压缩到芯片允许的 {max_bytes} 字节以内，请重新采集照片。</source>
        <translation>The photo cannot be compressed to the chip&apos;s limit of {max_bytes} bytes. Capture the photo again.</translation>
    </message>
    <message>
        <source>摄像头画面格式不正确（应为 8 位 RGB 彩色图像），请检查摄像头设置。</source>
        <translation>The camera image format is wrong (an 8-bit RGB colour image is needed). Check the camera settings.</translation>
    </message>
    <message>
        <source>模拟摄像头没有可用的图片文件。</source>
        <translation>The simulated camera has no image files.</translation>
    </message>
    <message>
        <source>文件摄像头（{folder}）</source>
        <translation>File camera ({folder})</translation>
    </message>
    <message>
        <source>文件夹“{folder}”中没有 JPEG 或 PNG 图片，模拟摄像头无法工作。</source>
        <translation>Folder &quot;{folder}&quot; has no JPEG or PNG images; the simulated camera cannot work.</translation>
    </message>
    <message>
        <source>摄像头已关闭。</source>
        <translation>The camera is closed.</translation>
    </message>
    <message>
        <source>模拟摄像头的图片已用完。</source>
        <translation>The simulated camera has run out of images.</translation>
    </message>
    <message>
        <source>模拟摄像头无法读取图片：{problem}</source>
        <translation>The simulated camera cannot read an image: {problem}</translation>
    </message>
    <message>
        <source>密码键盘无应答，请检查密码键盘连接后重试。</source>
        <translation>The PIN pad does not respond. Check its connection and try again.</translation>
    </message>
    <message>
        <source>持卡人在密码键盘上取消了输入，本次操作未办理。</source>
        <translation>The cardholder cancelled on the PIN pad; the operation was not done.</translation>
    </message>
    <message>
        <source>等待持卡人在密码键盘上输入密码超时，请重新操作。</source>
        <translation>Timed out waiting for the cardholder to enter the PIN. Try again.</translation>
    </message>
    <message>
        <source>密码应为6位数字，请持卡人在密码键盘上重新输入。</source>
        <translation>The PIN must be 6 digits. Ask the cardholder to enter it again on the PIN pad.</translation>
    </message>
    <message>
        <source>演示密码键盘</source>
        <translation>Demo PIN pad</translation>
    </message>
    <message>
        <source>读卡器中没有社保卡，请将卡片芯片朝上插入读卡器后重试。</source>
        <translation>There is no social security card in the reader. Insert it chip up and try again.</translation>
    </message>
    <message>
        <source>模拟社保卡读卡器</source>
        <translation>Simulated social security card reader</translation>
    </message>
    <message>
        <source>无法连接中心系统：可延后上传的业务照常办理并排队上传，需实时联网的业务暂停。</source>
        <translation>Cannot reach the central system: deferrable business continues and is queued for upload; business that needs a live connection is paused.</translation>
    </message>
    <message>
        <source>中心系统响应缓慢或出错，业务可能需要等待，请耐心操作。</source>
        <translation>The central system is slow or returning errors; business may have to wait.</translation>
    </message>
    <message>
        <source>本机证书配置有误，待上传业务已暂停发送（不会丢失），请联系网点技术支持检查证书文件。</source>
        <translation>This PC&apos;s certificate setup is wrong; pending uploads are paused (nothing is lost). Ask branch IT support to check the certificate files.</translation>
    </message>
    <message>
        <source>新版本 {version} 已下载并校验，已交给本机的系统安装服务；柜面程序关闭后（最迟下次开机）自动安装。</source>
        <extracomment>what the teller is told once about the last update (installed, rolled back) 远程授权: asking another counter&apos;s supervisor, and deciding as one; the one authorisation path consumes such an approval through it (TellerAuth.remote)</extracomment>
        <translation>New version {version} is downloaded and verified and handed to this PC&apos;s system install service; it installs automatically once the counter program is closed (at the latest at the next boot).</translation>
    </message>
    <message>
        <source>新版本 {version} 已下载并校验；本机程序目录需管理员权限，请联系网点技术支持用安装包升级。</source>
        <translation>New version {version} is downloaded and verified; this PC&apos;s program folder needs administrator rights, so ask branch IT support to upgrade with the installation package.</translation>
    </message>
    <message>
        <source>文件摄像头（演示照片）</source>
        <translation>File camera (demo photos)</translation>
    </message>
    <message>
        <source>中心系统接口不支持参保登记与信息变更。</source>
        <translation>The central system interface does not support registration and data changes.</translation>
    </message>
    <message>
        <source>读卡器中的卡片不是要启用的卡片，请插入该持卡人的卡片。</source>
        <translation>The card in the reader is not the card to activate. Insert this cardholder&apos;s card.</translation>
    </message>
    <message>
        <source>演示社保卡读卡器（内置卡片模拟器）</source>
        <translation>Demo card reader (built-in card emulator)</translation>
    </message>
    <message>
        <source>{outcome}请重新启动柜面程序以使用新版本。</source>
        <translation>{outcome} Restart the counter program to use the new version.</translation>
    </message>
    <message>
        <source>姓名中含有无法写入社保卡的字符。</source>
        <translation>The name contains characters that cannot be written to the card.</translation>
    </message>
    <message>
        <source>姓名过长，超出社保卡可存储的长度（50字节）。</source>
        <translation>The name is too long for the card (50 bytes).</translation>
    </message>
    <message>
        <source>未安装读卡服务 pcscd，请先安装（Debian：apt-get install pcscd vsmartcard-vpcd）。</source>
        <translation>The card reader service pcscd is not installed; install it first (Debian: apt-get install pcscd vsmartcard-vpcd).</translation>
    </message>
    <message>
        <source>未安装虚拟读卡器驱动 vsmartcard-vpcd，请先安装（Debian：apt-get install vsmartcard-vpcd）。</source>
        <translation>The virtual reader driver vsmartcard-vpcd is not installed; install it first (Debian: apt-get install vsmartcard-vpcd).</translation>
    </message>
    <message>
        <source>读卡服务 pcscd 启动失败（退出码 {exit_code}），请联系网点技术支持。</source>
        <translation>The card reader service pcscd failed to start (exit code {exit_code}). Contact branch IT support.</translation>
    </message>
    <message>
        <source>读卡服务已运行，但未发现读卡器：{readers}。请检查读卡器配置。</source>
        <translation>The card reader service is running but these readers were not found: {readers}. Check the reader configuration.</translation>
    </message>
    <message>
        <source>该卡已制卡成功，不能登记为废卡。</source>
        <translation>This card was produced successfully and cannot be recorded as spoiled.</translation>
    </message>
    <message>
        <source>该卡已制卡成功，不能重复制卡。</source>
        <translation>This card was already produced successfully and cannot be produced again.</translation>
    </message>
    <message>
        <source>该卡已登记为废卡，不能继续制卡。</source>
        <translation>This card is recorded as spoiled; production cannot continue.</translation>
    </message>
    <message>
        <source>该卡上次制卡时被卡片拒绝（如外部认证失败），系统不会自动重试，请登记废卡或联系技术支持。</source>
        <translation>The card refused the last production attempt (e.g. external authentication failed). The system will not retry automatically; record it as spoiled or contact IT support.</translation>
    </message>
    <message>
        <source>该卡正在为另一份申请制卡，不能用于本次业务。</source>
        <translation>This card is being produced for another application and cannot be used here.</translation>
    </message>
    <message>
        <source>PSAM卡拒绝了请求（状态码 {sw:04X}），请确认插入的是本地区的PSAM卡。</source>
        <translation>The PSAM refused the request (status {sw:04X}). Make sure the PSAM inserted is for this region.</translation>
    </message>
    <message>
        <source>PSAM卡座中没有PSAM卡，请插入本网点的PSAM卡。</source>
        <translation>There is no PSAM in the PSAM slot. Insert this branch&apos;s PSAM.</translation>
    </message>
    <message>
        <source>无法连接PSAM读卡器（{problem}）</source>
        <translation>Cannot connect to the PSAM reader ({problem})</translation>
    </message>
    <message>
        <source>社保卡密码应为6位数字。</source>
        <translation>The card PIN must be 6 digits.</translation>
    </message>
    <message>
        <source>芯片照片不能超过{max_bytes}字节，请重新压缩照片。</source>
        <translation>The chip photo cannot exceed {max_bytes} bytes. Compress the photo again.</translation>
    </message>
    <message>
        <source>列出读卡器失败（{problem}）。</source>
        <translation>Listing the card readers failed ({problem}).</translation>
    </message>
    <message>
        <source>连接读卡器失败（{problem}），请重新插卡。</source>
        <translation>Connecting to the card reader failed ({problem}). Re-insert the card.</translation>
    </message>
    <message>
        <source>中心系统地址配置错误（应为 https://主机:端口）。</source>
        <translation>The central system address is misconfigured (it should be https://host:port).</translation>
    </message>
    <message>
        <source>中心系统地址必须使用 https，并配置证书；仅测试环境可明确允许 http。</source>
        <translation>The central system address must use https with certificates; only a test environment may explicitly allow http.</translation>
    </message>
    <message>
        <source>网点客户端证书与私钥须同时配置。</source>
        <translation>The branch client certificate and private key must be configured together.</translation>
    </message>
    <message>
        <source>连接中心系统超时（专线中断或中心停机），可暂存业务待恢复后上传。</source>
        <translation>Connecting to the central system timed out (dedicated line down or central offline); work can be held and uploaded once it is back.</translation>
    </message>
    <message>
        <source>中心系统暂时无法处理，请稍后重试。</source>
        <translation>The central system cannot process this right now. Try again later.</translation>
    </message>
    <message>
        <source>本地待上传业务的类型无法识别，请主管处理。</source>
        <translation>The type of a pending upload is not recognised. A supervisor must handle it.</translation>
    </message>
    <message>
        <source>参考中心系统未能启动，请查看日志。</source>
        <translation>The reference central system did not start; see the log.</translation>
    </message>
    <message>
        <source>参考中心系统启动失败（退出码 {exit_code}）。</source>
        <translation>The reference central system failed to start (exit code {exit_code}).</translation>
    </message>
    <message>
        <source>参考中心系统启动超时。</source>
        <translation>The reference central system timed out while starting.</translation>
    </message>
    <message>
        <source>数据密钥与本地数据库不匹配（可能恢复了其他电脑或错误的密钥备份）。请从本机的密钥备份恢复正确的数据密钥；恢复前请暂停办理业务。</source>
        <translation>The data key does not match the local database (another PC&apos;s key or a wrong key backup may have been restored). Restore the right data key from this PC&apos;s key backup; suspend business until then.</translation>
    </message>
    <message>
        <source>本地数据校验失败（数据可能被篡改或损坏），请联系网点技术支持，不要继续办理。</source>
        <translation>Local data failed verification (it may be tampered with or damaged). Contact branch IT support and do not continue.</translation>
    </message>
    <message>
        <source>数据密钥长度不正确，请联系网点技术支持。</source>
        <translation>The data key has the wrong length. Contact branch IT support.</translation>
    </message>
    <message>
        <source>数据密钥文件 {path} 的权限过宽（{mode}），其他用户可能读取到密钥。请执行 chmod 600 后重试。</source>
        <translation>The data key file {path} has too open permissions ({mode}); other users could read the key. Run chmod 600 and try again.</translation>
    </message>
    <message>
        <source>数据密钥文件 {path} 的访问权限过宽（{readers} 也能读取），其他用户可能读取到密钥。请只保留本账户、SYSTEM 和 Administrators 的权限后重试（例如：{command}），或联系网点技术支持。</source>
        <translation>The data key file {path} has too open access ({readers} can also read it); other users could read the key. Keep only this account, SYSTEM and Administrators and try again (e.g. {command}), or contact branch IT support.</translation>
    </message>
    <message>
        <source>本地数据库已有数据，但找不到它的数据密钥（{where}）。数据密钥已丢失：请从密钥备份恢复，不要新建密钥，否则已保存的个人数据将无法读取；恢复前请暂停办理业务。</source>
        <translation>The local database holds data but its data key cannot be found ({where}). The data key is lost: restore it from the key backup and do not create a new key, or the saved personal data can no longer be read; suspend business until then.</translation>
    </message>
    <message>
        <source>数据密钥文件 {path} 已损坏（长度不对），请从备份恢复。</source>
        <translation>The data key file {path} is damaged (wrong length). Restore it from the backup.</translation>
    </message>
    <message>
        <source>无法设置数据密钥文件 {path} 的访问权限，请联系网点技术支持。</source>
        <translation>Cannot set the access permissions of the data key file {path}. Contact branch IT support.</translation>
    </message>
    <message>
        <source>无法读取数据密钥文件 {path}：权限不足。请以柜面程序账户运行。</source>
        <translation>Cannot read the data key file {path}: permission denied. Run under the counter program&apos;s account.</translation>
    </message>
    <message>
        <source>系统密钥库中的数据密钥已损坏（格式或长度不对），请联系网点技术支持从密钥备份恢复。</source>
        <translation>The data key in the system keyring is damaged (wrong format or length). Ask branch IT support to restore it from the key backup.</translation>
    </message>
    <message>
        <source>系统密钥库 {service} / {account}</source>
        <translation>system keyring {service} / {account}</translation>
    </message>
    <message>
        <source>本机没有可用的系统密钥库（security.key_store = &quot;keyring&quot;）。请联系网点技术支持，或改为 &quot;auto&quot; 使用受保护的密钥文件。</source>
        <translation>No system keyring is available on this PC (security.key_store = &quot;keyring&quot;). Contact branch IT support, or switch to &quot;auto&quot; to use a protected key file.</translation>
    </message>
    <message>
        <source>本程序的数据库升级失败（{reason}），数据库已自动恢复为升级前的状态，已办理的业务数据没有丢失。本程序版本不能使用，请联系网点技术支持恢复上一版本程序。</source>
        <translation>This program&apos;s database upgrade failed ({reason}); the database was restored to its state before the upgrade and no business data was lost. This program version cannot be used; ask branch IT support to restore the previous version.</translation>
    </message>
    <message>
        <source>本地数据库文件已损坏，无法打开（{file}）。请不要删除或移动该文件，立即联系网点技术支持从备份恢复；恢复前请暂停办理业务。</source>
        <translation>The local database file is damaged and cannot be opened ({file}). Do not delete or move it; contact branch IT support now to restore it from a backup, and suspend business until then.</translation>
    </message>
    <message>
        <source>本地数据库正被其他程序占用，暂时无法写入。请关闭本机上其他柜面程序窗口后重试；如仍无法使用，请重启电脑。</source>
        <translation>The local database is in use by another program and cannot be written now. Close other counter program windows on this PC and try again; if it still fails, restart the PC.</translation>
    </message>
    <message>
        <source>本机磁盘空间已满（或磁盘无法写入），刚才的操作没有保存（已办理的数据不受影响）。请联系网点技术支持清理磁盘后重试。</source>
        <translation>This PC&apos;s disk is full (or cannot be written); the last operation was not saved (business already done is not affected). Ask branch IT support to free disk space and try again.</translation>
    </message>
    <message>
        <source>无法打开或写入本地数据库（{path}）：权限不足或目录不存在。请联系网点技术支持检查配置。</source>
        <translation>Cannot open or write the local database ({path}): permission denied or the folder does not exist. Ask branch IT support to check the configuration.</translation>
    </message>
    <message>
        <source>本地数据库出错（{error}），操作未保存。请重试，或联系网点技术支持。</source>
        <translation>Local database error ({error}); the operation was not saved. Try again or contact branch IT support.</translation>
    </message>
    <message>
        <source>本程序的数据库升级失败，自动恢复备份也未成功。请不要再启动柜面程序，立即联系网点技术支持用备份文件 {backup} 恢复数据库。</source>
        <translation>This program&apos;s database upgrade failed and restoring the backup automatically failed too. Do not start the counter program again; contact branch IT support now to restore the database from backup file {backup}.</translation>
    </message>
    <message>
        <source>本程序的数据库升级失败，恢复备份后的数据库版本不符（{restored}）。请不要再启动柜面程序，立即联系网点技术支持用备份文件 {backup} 恢复数据库。</source>
        <translation>This program&apos;s database upgrade failed and the restored database has the wrong version ({restored}). Do not start the counter program again; contact branch IT support now to restore the database from backup file {backup}.</translation>
    </message>
    <message>
        <source>本机已有一个柜面程序正在使用该数据库。请切换到已打开的窗口，不要重复启动。</source>
        <translation>A counter program on this PC is already using this database. Switch to the open window instead of starting it again.</translation>
    </message>
    <message>
        <source>上次程序回退未完成，请网点技术支持再次运行 counter-app update-rollback。</source>
        <translation>The last program rollback did not finish; branch IT support must run counter-app update-rollback again.</translation>
    </message>
    <message>
        <source>柜面程序正在运行，稍后安装。</source>
        <translation>The counter program is running; installing later.</translation>
    </message>
    <message>
        <source>没有待安装的更新。</source>
        <translation>No update is waiting to be installed.</translation>
    </message>
    <message>
        <source>上次被中断的程序更新已由系统安装服务处理完毕。</source>
        <translation>The interrupted program update was completed by the system install service.</translation>
    </message>
    <message>
        <source>该版本已安装。</source>
        <translation>This version is already installed.</translation>
    </message>
    <message>
        <source>系统安装服务校验更新包未通过，已拒绝安装；当前版本照常使用。请通知网点技术支持。</source>
        <translation>The system install service could not verify the update package and refused to install it; the current version stays in use. Inform branch IT support.</translation>
    </message>
    <message>
        <source>系统安装服务安装新版本失败，当前版本照常使用。请通知网点技术支持。</source>
        <translation>The system install service failed to install the new version; the current version stays in use. Inform branch IT support.</translation>
    </message>
    <message>
        <source>系统安装服务已安装新版本 {version}（原版本 {installed}），数据库将在启动时备份并升级。</source>
        <translation>The system install service installed new version {version} (previously {installed}); the database will be backed up and upgraded at start.</translation>
    </message>
    <message>
        <source>柜面程序正在运行（{count} 个进程），请先关闭本机所有柜面程序（必要时让柜员退出登录）再回退。</source>
        <translation>The counter program is running ({count} processes). Close every counter program on this PC first (have tellers sign out if needed), then roll back.</translation>
    </message>
    <message>
        <source>网点技术支持已恢复上一版本程序{version}（撤下版本 {taken_off}），可以照常办理业务。</source>
        <translation>Branch IT support restored the previous program version{version} (version {taken_off} withdrawn); business can continue as usual.</translation>
    </message>
    <message>
        <source>没有保留的上一版本程序（{previous}），无法回退；请安装上一版本的安装包（.deb）。</source>
        <translation>No previous program version is kept ({previous}), so it cannot be rolled back; install the previous version&apos;s package (.deb).</translation>
    </message>
    <message>
        <source>没有保留的上一版本程序（{previous}），无法回退。</source>
        <translation>No previous program version is kept ({previous}), so it cannot be rolled back.</translation>
    </message>
    <message>
        <source>更新仓库的签名元数据已过期</source>
        <translation>The update repository&apos;s signed metadata has expired</translation>
    </message>
    <message>
        <source>更新仓库提供的元数据版本不一致或比本机已见过的更旧（可能是回滚或混用攻击）</source>
        <translation>The update repository&apos;s metadata versions are inconsistent or older than seen before (possibly a rollback or mix-and-match attack)</translation>
    </message>
    <message>
        <source>下载的内容与签名不符（可能被篡改）</source>
        <translation>The download does not match its signature (possibly tampered with)</translation>
    </message>
    <message>
        <source>更新仓库的签名无效</source>
        <translation>The update repository&apos;s signature is invalid</translation>
    </message>
    <message>
        <source>更新仓库的元数据未通过校验</source>
        <translation>The update repository&apos;s metadata failed verification</translation>
    </message>
    <message>
        <source>{problem}，已拒绝本次更新；当前版本照常使用。请通知网点技术支持。</source>
        <translation>{problem}; this update was refused and the current version stays in use. Inform branch IT support.</translation>
    </message>
    <message>
        <source>找不到更新仓库的根证书文件（updates.trusted_root：{path}），无法检查更新。请联系网点技术支持。</source>
        <translation>The update repository&apos;s root file cannot be found (updates.trusted_root: {path}); updates cannot be checked. Contact branch IT support.</translation>
    </message>
    <message>
        <source>上一次更新检查尚未结束。</source>
        <translation>The previous update check has not finished yet.</translation>
    </message>
    <message>
        <source>无法连接更新仓库，稍后签退时会再次检查；当前版本照常使用。</source>
        <translation>Cannot reach the update repository; it will be checked again at a later sign-out. The current version stays in use.</translation>
    </message>
    <message>
        <source>已是最新版本。</source>
        <translation>Already the latest version.</translation>
    </message>
    <message>
        <source>新版本 {version} 已下载，将在下次启动时安装。</source>
        <translation>New version {version} is downloaded and will be installed at the next start.</translation>
    </message>
    <message>
        <source>更新包不在签名的目标清单中，已拒绝本次更新。</source>
        <translation>The update package is not in the signed target list; this update was refused.</translation>
    </message>
    <message>
        <source>下载更新包中断，稍后签退时会再次检查；当前版本照常使用。</source>
        <translation>Downloading the update package was interrupted; it will be checked again at a later sign-out. The current version stays in use.</translation>
    </message>
    <message>
        <source>更新包中没有数据库升级脚本，不是完整的程序包，已拒绝。</source>
        <translation>The update package has no database upgrade scripts and is not a complete program package; refused.</translation>
    </message>
    <message>
        <source>更新包无法解开，已拒绝本次更新。</source>
        <translation>The update package cannot be unpacked; this update was refused.</translation>
    </message>
    <message>
        <source>新版本 {version} 已下载并校验，将在下次启动时安装。</source>
        <translation>New version {version} is downloaded and verified, and will be installed at the next start.</translation>
    </message>
    <message>
        <source>新版本 {version} 的数据库升级失败，已恢复升级前的数据库，继续使用当前版本 {current}。已办理的业务数据不受影响。请通知网点技术支持处理后再升级。</source>
        <translation>The database upgrade of new version {version} failed; the database was restored and current version {current} stays in use. Business data is not affected. Inform branch IT support before upgrading again.</translation>
    </message>
    <message>
        <source>待安装的版本 {version} 不再需要安装，已丢弃。</source>
        <translation>Pending version {version} no longer needs installing and was discarded.</translation>
    </message>
    <message>
        <source>更新包中没有数据库升级脚本</source>
        <translation>The update package has no database upgrade scripts</translation>
    </message>
    <message>
        <source>已安装新版本 {version}（原版本 {previous}），数据库已备份并升级。</source>
        <translation>New version {version} installed (previously {previous}); the database was backed up and upgraded.</translation>
    </message>
    <message>
        <source>本机柜面程序新版本 {version} 启动时数据库升级失败。数据库已自动恢复为升级前的状态，已办理的业务数据没有丢失。此版本的柜面程序不能使用，请暂停办理业务，立即通知网点技术支持恢复上一版本程序（管理员运行 counter-app update-rollback）。</source>
        <translation>The database upgrade of the counter program&apos;s new version {version} failed at start. The database was restored to its state before the upgrade and no business data was lost. This version cannot be used: suspend business and inform branch IT support at once to restore the previous version (an administrator runs counter-app update-rollback).</translation>
    </message>
    <message>
        <source>新版本 {version} 启动时数据库升级失败，数据库已自动恢复为升级前的状态，已办理的业务数据不受影响。</source>
        <translation>The database upgrade of new version {version} failed at start; the database was restored to its state before the upgrade and business data is not affected.</translation>
    </message>
    <message>
        <source>新版本的数据库升级失败（{error}）</source>
        <translation>The new version&apos;s database upgrade failed ({error})</translation>
    </message>
    <message>
        <source>读卡器中的社保卡不属于本次办理的人员，请核对卡片。</source>
        <translation>The social security card in the reader does not belong to the person being served; please check the card.</translation>
    </message>
    <message>
        <source>专线中断，无法读取中心的最新个人信息：信息变更写卡须联网办理，请待线路恢复后重试。</source>
        <translation>The dedicated line is down, so the latest personal details cannot be read from the central system: writing changed details to the chip requires the line. Please try again once the line is restored.</translation>
    </message>
    <message>
        <source>中心系统中该卡不是持卡人当前使用的社保卡，不能写卡。请查询卡片状态。</source>
        <translation>According to the central system this is not the cardholder&apos;s current card; it cannot be written. Please query the card&apos;s status.</translation>
    </message>
    <message>
        <source>该卡尚未启用，请先办理领卡启用后再写卡。</source>
        <translation>This card is not activated yet; process card collection and activation first, then write the chip.</translation>
    </message>
    <message>
        <source>中心登记的姓名与芯片不一致：姓名印在卡面上，不能只改写芯片，请为持卡人办理信息变更换卡。</source>
        <translation>The name on file at the central system differs from the chip&apos;s: the name is printed on the card face, so the chip alone cannot be rewritten. Please do a data-change card exchange for the holder.</translation>
    </message>
    <message>
        <source>芯片中的信息与中心一致，无需写卡。</source>
        <translation>The chip already matches the central system; nothing to write.</translation>
    </message>
    <message>
        <source>写卡后读回的芯片信息与中心不一致，写卡未成功。请重新插卡后重试；仍不成功请按坏卡办理换卡。</source>
        <translation>The chip read back after writing does not match the central system; the write failed. Re-insert the card and try again; if it still fails, exchange it as a damaged card.</translation>
    </message>
    <message>
        <source>（尚未识别持卡人）</source>
        <translation>(cardholder not identified yet)</translation>
    </message>
    <message>
        <source>本柜台未配置社保卡读卡器。</source>
        <translation>This counter has no social security card reader configured.</translation>
    </message>
    <message>
        <source>读卡器中的社保卡不属于本次核验的持卡人，请核对卡片。</source>
        <translation>The social security card in the reader does not belong to the cardholder verified; please check the card.</translation>
    </message>
    <message>
        <source>读卡查询</source>
        <translation>Card read and query</translation>
    </message>
    <message>
        <source>信息变更写卡</source>
        <translation>Write changed details to the chip</translation>
    </message>
    <message>
        <source>请将持卡人的社保卡插入读卡器后按 F3 读取。</source>
        <translation>Insert the cardholder&apos;s social security card into the reader and press F3 to read it.</translation>
    </message>
    <message>
        <source>该卡已过有效期，不能办理密码或写卡业务：请持卡人办理换卡。</source>
        <translation>This card has expired; no PIN or chip-write service is possible: the cardholder should exchange the card.</translation>
    </message>
    <message>
        <source>专线中断，无法向中心核实卡片状态：密码服务和写卡须联网办理，请待线路恢复后重试。</source>
        <translation>The dedicated line is down, so the card&apos;s state cannot be verified with the central system: PIN services and chip writing require the line. Please try again once the line is restored.</translation>
    </message>
    <message>
        <source>请点击“办理”。</source>
        <translation>Please click &quot;Process&quot;.</translation>
    </message>
    <message>
        <source>请先读取社保卡。</source>
        <translation>Read the social security card first.</translation>
    </message>
    <message>
        <source>读卡器中的社保卡不属于本次核验的人员，请核对卡片。</source>
        <translation>The social security card in the reader does not belong to the person verified; please check the card.</translation>
    </message>
    <message>
        <source>中心系统中该卡不是持卡人当前使用的社保卡（可能已补换新卡），请持卡人使用新卡办理，或查询卡片状态。</source>
        <translation>According to the central system this is not the cardholder&apos;s current card (it may have been replaced); the cardholder should use the new card, or query the card&apos;s status.</translation>
    </message>
    <message>
        <source>读卡查询无需办理，请打印或返回。</source>
        <translation>A card read and query needs no processing; print or go back.</translation>
    </message>
    <message>
        <source>已将中心变更后的{fields}写入社保卡芯片，读回核对一致。</source>
        <translation>The central system&apos;s updated {fields} written to the chip; the read-back matches.</translation>
    </message>
    <message>
        <source>专线中断，暂不能重置密码：密码重置须中心实时授权。请待线路恢复后重试（持卡人可稍候或改日办理）。</source>
        <translation>The dedicated line is down; the PIN cannot be reset now: a PIN reset needs real-time authorisation from the central system. Please try again once the line is restored (the cardholder may wait or come back another day).</translation>
    </message>
    <message>
        <source>该持卡人有尚未送达中心的业务（如专线中断时受理的挂失），须先送达中心后才能重置密码。系统正在上传，请稍后重试。</source>
        <translation>This holder has work not yet delivered to the central system (e.g. a loss accepted while the line was down); it must reach the central before the PIN can be reset. It is being sent now; please try again shortly.</translation>
    </message>
    <message>
        <source>本柜台未配置密码键盘，不能办理密码业务。请联系网点技术支持。</source>
        <translation>This counter has no PIN pad configured, so no PIN services are possible. Please contact branch IT support.</translation>
    </message>
    <message>
        <source>请输入新密码（6位数字）</source>
        <translation>Enter the new PIN (6 digits)</translation>
    </message>
    <message>
        <source>两次输入的新密码不一致，密码未修改。请重新办理，让持卡人两次输入相同的新密码。</source>
        <translation>The two new PINs entered differ; the PIN was not changed. Process it again and have the cardholder enter the same new PIN twice.</translation>
    </message>
    <message>
        <source>新密码过于简单（相同数字或连续数字，如111111、123456），密码未修改。请持卡人换一个新密码后重新办理。</source>
        <translation>The new PIN is too simple (repeated or consecutive digits such as 111111 or 123456); the PIN was not changed. Have the cardholder choose another PIN and process it again.</translation>
    </message>
    <message>
        <source>新密码不能与原密码相同，密码未修改。请持卡人换一个新密码后重新办理。</source>
        <translation>The new PIN cannot be the same as the old one; the PIN was not changed. Have the cardholder choose another PIN and process it again.</translation>
    </message>
    <message>
        <source>请输入原密码</source>
        <translation>Enter the current PIN</translation>
    </message>
    <message>
        <source>原密码错误，社保卡密码已锁定（应用锁定）。请读取持卡人身份证后办理“密码重置解锁”。</source>
        <translation>Wrong current PIN; the card&apos;s PIN is now locked (application locked). Read the cardholder&apos;s ID card and process &quot;PIN reset and unlock&quot;.</translation>
    </message>
    <message>
        <source>原密码错误，还可以再试{left}次，密码未修改。如持卡人忘记原密码，请核验身份后办理“密码重置解锁”。</source>
        <translation>Wrong current PIN, {left} tries left; the PIN was not changed. If the cardholder forgot the PIN, verify their identity and process &quot;PIN reset and unlock&quot;.</translation>
    </message>
    <message>
        <source>社保卡密码已锁定（连续输错），不能修改。请读取持卡人身份证后办理“密码重置解锁”。</source>
        <translation>The card&apos;s PIN is locked (too many wrong tries) and cannot be changed. Read the cardholder&apos;s ID card and process &quot;PIN reset and unlock&quot;.</translation>
    </message>
    <message>
        <source>社保卡密码已修改，新密码已在芯片上验证通过。</source>
        <translation>The card&apos;s PIN has been changed; the new PIN verified on the chip.</translation>
    </message>
    <message>
        <source>密码重置须读取持卡人本人的居民身份证核验身份，手工录入号码不能办理。请将身份证放在阅读器上按 F2 读取。</source>
        <translation>A PIN reset requires reading the cardholder&apos;s own resident ID card to verify identity; a number entered by hand is not enough. Place the ID card on the reader and press F2.</translation>
    </message>
    <message>
        <source>社保卡密码已重置并解锁，新密码已在芯片上验证通过。</source>
        <translation>The card&apos;s PIN has been reset and unlocked; the new PIN verified on the chip.</translation>
    </message>
    <message>
        <source>金融功能的密码重置已获中心授权并解除应用锁定；请持卡人在本行自助设备或柜台设置新的银行密码。</source>
        <translation>The central system authorised the financial function&apos;s PIN reset and removed the application lock; the cardholder should set a new bank PIN at this bank&apos;s self-service machines or counter.</translation>
    </message>
    <message>
        <source>金融功能的密码重置已获中心授权；请持卡人在本行自助设备或柜台设置新的银行密码。</source>
        <translation>The central system authorised the financial function&apos;s PIN reset; the cardholder should set a new bank PIN at this bank&apos;s self-service machines or counter.</translation>
    </message>
    <message>
        <source>金融功能（银行账户）的密码由发卡银行核心系统管理，不在社保卡芯片的社保应用中：请持卡人在{bank}的自助设备或银行柜台修改。</source>
        <translation>The financial function&apos;s (bank account&apos;s) PIN is managed by the issuing bank&apos;s core system, not by the social security application on the chip: the cardholder should change it at {bank}&apos;s self-service machines or counter.</translation>
    </message>
    <message>
        <source>专线中断，无法向中心核实卡片状态：密码服务须联网办理。</source>
        <translation>The dedicated line is down, so the card&apos;s state cannot be verified with the central system: PIN services require the line.</translation>
    </message>
    <message>
        <source>密码已锁定（应用锁定），不能修改：请核验身份后办理“密码重置解锁”。</source>
        <translation>The PIN is locked (application locked) and cannot be changed: verify identity and process &quot;PIN reset and unlock&quot;.</translation>
    </message>
    <message>
        <source>该卡由{card_bank}发行，金融功能密码重置须到{card_bank}的网点办理（本网点属于{branch_bank}）。</source>
        <translation>This card was issued by {card_bank}; the financial function&apos;s PIN reset must be done at a {card_bank} branch (this branch belongs to {branch_bank}).</translation>
    </message>
    <message>
        <source>核验参保证明须实时连接中心系统，当前无法连接中心系统（专线中断或中心停机），请线路恢复后再核验；柜面不能离线判断证明真伪。</source>
        <translation>Verifying an insurance certificate needs a live connection to the central system, which cannot be reached now (line down or central system stopped). Please verify once the line is restored; the counter cannot judge a certificate offline.</translation>
    </message>
    <message>
        <source>无缴费明细</source>
        <translation>No contribution details</translation>
    </message>
    <message>
        <source>尚未打印</source>
        <translation>Not printed yet</translation>
    </message>
    <message>
        <source>1次（原件）</source>
        <translation>Once (original)</translation>
    </message>
    <message>
        <source>核验结论</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>{from_year}年{from_month}月至{to_year}年{to_month}月（{months}个月）</source>
        <translation>{from_month}/{from_year} to {to_month}/{to_year} ({months} months)</translation>
    </message>
    <message>
        <source>{prints}次（原件及补打{reprints}次）</source>
        <translation>{prints} times (original and {reprints} reprints)</translation>
    </message>
    <message>
        <source>{issued_at}（北京时间）</source>
        <translation>{issued_at} (Beijing time)</translation>
    </message>
    <message>
        <source>出具网点</source>
        <translation>Issuing branch</translation>
    </message>
    <message>
        <source>{branch_name}（{branch_code}）</source>
        <translation>{branch_name} ({branch_code})</translation>
    </message>
    <message>
        <source>打印次数</source>
        <translation>Times printed</translation>
    </message>
    <message>
        <source>内容摘要</source>
        <translation>Content digest</translation>
    </message>
    <message>
        <source>真实有效：该参保证明由中心系统出具，且在有效期内。</source>
        <translation>Genuine and valid: this insurance certificate was issued by the central system and is within its validity.</translation>
    </message>
    <message>
        <source>已过有效期：该参保证明由中心系统出具，但已超过有效期，请申请人重新打印。</source>
        <translation>Expired: this insurance certificate was issued by the central system but is past its validity; the applicant should print a new one.</translation>
    </message>
    <message>
        <source>无效：中心系统不认可该参保证明。</source>
        <translation>Invalid: the central system does not recognise this insurance certificate.</translation>
    </message>
    <message>
        <source>授权码格式不正确：应为证明上印的8至24位字母和数字，或扫描证明上的二维码。</source>
        <translation>Invalid authorisation code: it is the 8 to 24 letters and digits printed on the certificate, or scan the certificate&apos;s QR code.</translation>
    </message>
    <message>
        <source>授权码 {code} 不存在：该参保证明不是中心系统出具的，请勿采信。</source>
        <translation>Authorisation code {code} does not exist: this insurance certificate was not issued by the central system; do not accept it.</translation>
    </message>
    <message>
        <source>该身份证已过有效期，请持有效证件办理。</source>
        <translation>This ID card has expired; please bring a valid ID.</translation>
    </message>
    <message>
        <source>该人员有尚未送达中心的前序业务（专线中断时受理），须先送达中心后才能办理本业务。系统正在上传，请稍后重试。</source>
        <translation>This person has earlier business not yet delivered to the central system (accepted while the line was down); it must reach the central system before this business. The system is uploading; please try again shortly.</translation>
    </message>
    <message>
        <source>请完成本步骤后继续。</source>
        <translation>Please complete this step to continue.</translation>
    </message>
    <message>
        <source>请使用本步骤的按钮继续。</source>
        <translation>Please use this step&apos;s button to continue.</translation>
    </message>
    <message>
        <source>审计日志完整，共 {entries} 条。</source>
        <translation>The audit log is intact: {entries} entries.</translation>
    </message>
    <message>
        <source>（自第 {first_bad_seq} 条起）</source>
        <translation>(from entry {first_bad_seq})</translation>
    </message>
    <message>
        <source>审计日志被篡改或损坏{where}：{problem}。请立即报告主管。</source>
        <translation>The audit log has been tampered with or damaged{where}: {problem}. Report to a supervisor at once.</translation>
    </message>
    <message>
        <source>序号不连续（有条目被删除）</source>
        <translation>the sequence numbers have a gap (entries deleted)</translation>
    </message>
    <message>
        <source>与上一条的链接不符（条目被删除或调换）</source>
        <translation>the link to the previous entry does not match (entries deleted or swapped)</translation>
    </message>
    <message>
        <source>条目内容无法解密</source>
        <translation>an entry cannot be decrypted</translation>
    </message>
    <message>
        <source>条目内容与校验码不符（被修改）</source>
        <translation>an entry does not match its MAC (modified)</translation>
    </message>
    <message>
        <source>主管确认记录的校验码不符（被改动）</source>
        <translation>the supervisor&apos;s acknowledgement record does not match its MAC (changed)</translation>
    </message>
    <message>
        <source>主管确认之前的条目被删除或改动</source>
        <translation>entries before the supervisor&apos;s acknowledgement were deleted or changed</translation>
    </message>
    <message>
        <source>校验检查点的校验码不符（被改动）</source>
        <translation>the verification checkpoint does not match its MAC (changed)</translation>
    </message>
    <message>
        <source>末尾条目缺失（日志被截断）</source>
        <translation>the last entries are missing (the log was truncated)</translation>
    </message>
    <message>
        <source>检查点所在条目被改动（日志被截断后重写或条目被修改）</source>
        <translation>the checkpoint&apos;s entry was changed (the log was truncated and rewritten, or the entry modified)</translation>
    </message>
    <message>
        <source>告警记录损坏</source>
        <translation>the alarm record is damaged</translation>
    </message>
    <message>
        <source>当场制卡（本柜台即时制卡）</source>
        <translation>Make on the spot (instant issuance at this counter)</translation>
    </message>
    <message>
        <source>中心集中制卡（制成后送达本网点）</source>
        <translation>Central production (delivered to this branch)</translation>
    </message>
    <message>
        <source>无照片</source>
        <translation>No photo</translation>
    </message>
    <message>
        <source>您名下今日可用空白卡：{0} 张</source>
        <translation>Blank cards in your custody today: {0}</translation>
    </message>
    <message>
        <source>空白卡库存暂不可查，制卡时逐张核对</source>
        <translation>The blank stock cannot be checked now; each card is checked when it is made</translation>
    </message>
    <message>
        <source>本柜台没有持卡人原卡的照片：当场制卡须为持卡人拍照或导入照片。</source>
        <translation>This counter has no photo of the holder&apos;s old card: to make the card on the spot, take or import a photo.</translation>
    </message>
    <message>
        <source>✓ 沿用持卡人原申领的照片（申请编号 {0}，与中心登记一致）</source>
        <translation>✓ The photo of the holder&apos;s earlier application is used (application {0}, as the central has it)</translation>
    </message>
    <message>
        <source>✓ 新采集的照片已通过检查，将印在新卡卡面上</source>
        <translation>✓ The new photo passed the checks and will be printed on the new card</translation>
    </message>
    <message>
        <source>专线中断，未能向中心核实是否首次申领，本笔不收工本费</source>
        <extracomment>card states that mean the card number never reached the person</extracomment>
        <translation>Line down: whether this is a first application could not be checked with the central, so no fee is taken for this one</translation>
    </message>
    <message>
        <source>等待主管处理</source>
        <extracomment>how long a supervisor may take to decide, and the teller&apos;s counter to use the approval</extracomment>
        <translation>Waiting for a supervisor</translation>
    </message>
    <message>
        <source>已批准</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>已拒绝</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>已过期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>已使用</source>
        <translation>Used</translation>
    </message>
    <message>
        <source>已撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>退还收费</source>
        <extracomment>the states a waiting teller&apos;s counter audits when it sees them (the act will not happen) the act the central checks (the purpose&apos;s name before ``:``), in the supervisor&apos;s words; the object after ``:`` (a receipt, a teller, a dead letter) is shown as it is</extracomment>
        <translation>Fee refund</translation>
    </message>
    <message>
        <source>解锁柜员</source>
        <translation>Unlock teller</translation>
    </message>
    <message>
        <source>强制结束会话</source>
        <translation>Force-close session</translation>
    </message>
    <message>
        <source>确认审计链异常</source>
        <translation>Acknowledge audit chain break</translation>
    </message>
    <message>
        <source>照片人工放行</source>
        <translation>Photo manual override</translation>
    </message>
    <message>
        <source>异常件重新发送</source>
        <translation>Resend dead letter</translation>
    </message>
    <message>
        <source>异常件放弃</source>
        <translation>Discard dead letter</translation>
    </message>
    <message>
        <source>与中心系统的连接中断，无法使用远程授权。请主管到本柜台当面输入账号、密码和动态验证码授权。</source>
        <translation>The line to the central system is down, so remote approval cannot be used. Ask a supervisor to come to this counter and authorise with user name, password and one-time code.</translation>
    </message>
    <message>
        <source>请说明需要授权的操作。</source>
        <translation>Describe the act that needs authorisation.</translation>
    </message>
    <message>
        <source>中心系统的远程授权答复不完整，请主管当面授权。</source>
        <translation>The central system&apos;s answer about the remote approval is incomplete; ask a supervisor to authorise in person.</translation>
    </message>
    <message>
        <source>拒绝远程授权须写明理由。</source>
        <translation>Refusing a remote approval needs a reason.</translation>
    </message>
    <message>
        <source>远程授权须由主管在本机输入账号、密码和动态验证码。</source>
        <translation>A remote approval must be given by a supervisor typing user name, password and one-time code at this PC.</translation>
    </message>
    <message>
        <source>该远程授权请求已不在等待处理（已处理、已撤回或已过期），请刷新列表。</source>
        <translation>This remote approval request is no longer waiting (decided, withdrawn or expired). Please refresh the list.</translation>
    </message>
    <message>
        <source>主管不能决定本人发起的远程授权请求，请由另一位主管处理。</source>
        <translation>A supervisor cannot decide a remote approval request they made themselves. Please ask another supervisor.</translation>
    </message>
    <message>
        <source>卡面打印机“{printer}”未找到（未安装或名称与配置不符），卡片芯片已写好，未作废。</source>
        <translation>Card printer &quot;{printer}&quot; not found (not installed, or its name differs from the profile). The chip is written; the card is not spoiled.</translation>
    </message>
    <message>
        <source>卡面打印机“{printer}”未能打印：{reason}卡片芯片已写好，未作废。</source>
        <translation>Card printer &quot;{printer}&quot; could not print: {reason} The chip is written; the card is not spoiled.</translation>
    </message>
    <message>
        <source>读卡器中的社保卡不是本次核验人员本人的卡（卡内身份证号码与核验的身份证不一致）：请将该卡交还出示人，请本人出示自己的社保卡；本人未带社保卡的，凭身份证即可办理。</source>
        <translation>The social security card in the reader is not this person&apos;s own card (the ID number on its chip differs from the ID card verified): hand the card back to whoever presented it and ask the person for their own social security card; without it, the ID card alone is enough.</translation>
    </message>
    <message>
        <source>中心系统没有这张社保卡的记录，不能作为本人的社保卡核验：请将卡片交还本人，凭身份证办理；卡片的来历请本人到发卡银行核查。</source>
        <translation>The central system has no record of this social security card, so it cannot be checked as the person&apos;s card: hand the card back and serve the person with the ID card; the person may ask the issuing bank where the card comes from.</translation>
    </message>
    <message>
        <source>中心系统登记这张社保卡属于其他人员，与核验的身份证不符：请将该卡交还出示人，凭本人身份证办理。</source>
        <translation>The central system files this social security card under another person, not the ID card verified: hand the card back to whoever presented it and serve the person with their own ID card.</translation>
    </message>
    <message>
        <source>这张社保卡在中心系统中的状态为“{state}”，不是本人当前使用的社保卡：请出示本人现用的社保卡，或凭身份证办理。</source>
        <translation>The central system shows this social security card as &quot;{state}&quot;: it is not the card the person uses now. Ask for the card in use, or serve the person with the ID card.</translation>
    </message>
    <message>
        <source>请先读取身份证或录入身份证号码，再读取社保卡。</source>
        <translation>Read the ID card or enter its number first, then read the social security card.</translation>
    </message>
    <message>
        <source>未能读取社保卡：{problem}本人未带社保卡或卡片无法读取的，凭身份证即可继续办理。</source>
        <translation>The social security card could not be read: {problem} Without the card, or when it cannot be read, the ID card alone is enough to go on.</translation>
    </message>
    <message>
        <source>卡内身份证号码与本人一致，但当前无法连接中心系统确认是否为本人现用的社保卡，未记为“社保卡已读”；请线路恢复后再读卡，或凭身份证办理。</source>
        <translation>The ID number on the chip is this person&apos;s, but the central system cannot be reached to confirm it is the card in use, so it is not recorded as &quot;card read&quot;; read it again once the line is back, or serve the person with the ID card.</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{0}; font-weight:bold&apos;&gt;✓ 社保卡已读&lt;/span&gt;&#x3000;卡号 {1}，中心系统核对为本人现用的社保卡</source>
        <translation>&lt;span style=&apos;color:{0}; font-weight:bold&apos;&gt;✓ Social security card read&lt;/span&gt;  card no. {1}, confirmed by the central system as the person&apos;s card in use</translation>
    </message>
    <message>
        <source>本机未连接中心系统</source>
        <translation>this PC is not connected to the central system</translation>
    </message>
    <message>
        <source>与中心系统的专线中断</source>
        <translation>the line to the central system is down</translation>
    </message>
    <message>
        <source>中心系统未能提供：{code}</source>
        <translation>the central system could not provide it: {code}</translation>
    </message>
</context>
</TS>
