<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BackupArchive</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot make %1: %2</source>
        <translation>无法创建 %1：%2</translation>
    </message>
</context>
<context>
    <name>BackupStep</name>
    <message>
        <source>Reading the backup</source>
        <translation>正在读取备份</translation>
    </message>
    <message>
        <source>postwrd&apos;s export is damaged: %1</source>
        <translation>postwrd 导出的数据已损坏：%1</translation>
    </message>
</context>
<context>
    <name>Steps</name>
    <message>
        <source>Giving the configuration to postwr</source>
        <translation>正在把配置交给 postwr</translation>
    </message>
</context>
<context>
    <name>postwr::app::Headless</name>
    <message>
        <source>postwr: cannot read the plan %1: %2</source>
        <translation>postwr：无法读取计划文件 %1：%2</translation>
    </message>
    <message>
        <source>%1 (shown only now, keep it safe): %2</source>
        <translation>%1（仅此一次显示，请妥善保管）：%2</translation>
    </message>
    <message>
        <source>postwr: %1</source>
        <translation>postwr：%1</translation>
    </message>
    <message>
        <source>Postwr: your own mail server, set up over SSH.</source>
        <translation>Postwr：通过 SSH 搭建属于你自己的邮件服务器。</translation>
    </message>
    <message>
        <source>Run without a window, from a plan file.</source>
        <translation>不打开窗口，按计划文件运行。</translation>
    </message>
    <message>
        <source>The plan file (JSON) to run; see examples/.</source>
        <translation>要运行的计划文件（JSON）；参见 examples/。</translation>
    </message>
    <message>
        <source>Also print the SSH layer&apos;s diagnostics (never secrets) on stderr.</source>
        <translation>同时在 stderr 上输出 SSH 层的诊断信息（绝不包含机密）。</translation>
    </message>
    <message>
        <source>After the plan&apos;s steps, send a test message to ADDRESS and report its way.</source>
        <translation>运行完计划中的步骤后，向 ADDRESS 发送一封测试邮件并报告它的投递过程。</translation>
    </message>
    <message>
        <source>postwr: --headless needs --plan FILE.json</source>
        <translation>postwr：--headless 需要 --plan FILE.json</translation>
    </message>
    <message>
        <source>Run the whole setup without a window against a sandbox on this machine: sshd, dnsmasq and a receiving mail server on loopback.</source>
        <translation>不打开窗口，在本机的沙盒中运行整个设置过程：sshd、dnsmasq 和一个收件邮件服务器，均运行在回环地址上。</translation>
    </message>
    <message>
        <source>The sandbox&apos;s directory, removed and made anew (default: %1).</source>
        <translation>沙盒目录，运行时会删除并重新创建（默认：%1）。</translation>
    </message>
    <message>
        <source>postwr: no display (DISPLAY, WAYLAND_DISPLAY), so no window: running the local sandbox (--sandbox) instead.</source>
        <translation>postwr：没有显示器（DISPLAY、WAYLAND_DISPLAY），无法打开窗口：改为运行本地沙盒（--sandbox）。</translation>
    </message>
    <message>
        <source>After the plan&apos;s steps, check every DNS record the domains need; exit 1 when one that receivers need is missing or wrong.</source>
        <translation>在计划的步骤之后，检查域名所需的每条 DNS 记录；如果收件方需要的记录缺失或有误，则以 1 退出。</translation>
    </message>
</context>
<context>
    <name>postwr::dashboard::DashboardWindow</name>
    <message>
        <source>Not connected: the server&apos;s key was not trusted.</source>
        <translation>未连接：没有信任服务器的密钥。</translation>
    </message>
    <message>
        <source>No server yet: set one up with Server, &quot;Set up a new server&quot;.</source>
        <translation>还没有服务器：请通过“服务器”菜单中的“设置新服务器”来设置一个。</translation>
    </message>
    <message>
        <source>%1: not connected.</source>
        <translation>%1：未连接。</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接到 %1…</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>The SSH password of %1:</source>
        <translation>%1 的 SSH 密码：</translation>
    </message>
    <message>
        <source>Not connected: no password given.</source>
        <translation>未连接：没有提供密码。</translation>
    </message>
    <message>
        <source>Logging in as %1…</source>
        <translation>正在以 %1 身份登录…</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>已连接到 %1。</translation>
    </message>
    <message>
        <source>Forget this server?</source>
        <translation>要忘记此服务器吗？</translation>
    </message>
    <message>
        <source>Postwr forgets %1 and the passwords it kept for it. The server itself is not changed.</source>
        <translation>Postwr 将忘记 %1 以及为它保存的密码。服务器本身不会有任何改变。</translation>
    </message>
    <message>
        <source>Postwr: your mail servers</source>
        <translation>Postwr：你的邮件服务器</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>服务器(&amp;S)</translation>
    </message>
    <message>
        <source>Set up a &amp;new server…</source>
        <translation>设置新服务器(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Forget this server…</source>
        <translation>忘记此服务器(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Forwarding</source>
        <translation>转发</translation>
    </message>
    <message>
        <source>Test mail</source>
        <translation>测试邮件</translation>
    </message>
    <message>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
</context>
<context>
    <name>postwr::dashboard::StatusTab</name>
    <message>
        <source>Whether the mail server runs, how many messages wait to be delivered, and what it did last.</source>
        <translation>邮件服务器是否在运行、有多少邮件正等待投递，以及它最近做了什么。</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
</context>
<context>
    <name>postwr::dnscheck::BlocklistReport</name>
    <message>
        <source>The server&apos;s blocklist answer cannot be read: %1</source>
        <translation>无法读取服务器返回的黑名单查询结果：%1</translation>
    </message>
    <message>
        <source>%1 is listed on %2 (%3): receivers that use this list refuse its mail.</source>
        <translation>%1 被列入了 %2（%3）：使用该名单的收件方会拒收它的邮件。</translation>
    </message>
    <message>
        <source>%1 is listed on %2 (%3): receivers that use this list refuse its mail. See why and ask for removal at %4.</source>
        <translation>%1 被列入了 %2（%3）：使用该名单的收件方会拒收它的邮件。可在 %4 查看原因并申请移除。</translation>
    </message>
    <message>
        <source>%1 would not answer the server&apos;s resolver about %2 (it refuses public resolvers): set [dns] servers in postwrd.conf to a resolver of the server&apos;s own, such as a local unbound.</source>
        <translation>%1 不回答服务器的解析器关于 %2 的查询（它拒绝公共解析器）：请在 postwrd.conf 中把 [dns] servers 设为服务器自己的解析器，例如本地的 unbound。</translation>
    </message>
    <message>
        <source>%1 could not be asked about %2: %3</source>
        <translation>无法向 %1 查询 %2：%3</translation>
    </message>
    <message numerus="yes">
        <source>Not listed on %n blocklist(s): %1.</source>
        <translation>
            <numerusform>未被以下 %n 个黑名单列入：%1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>postwr::dnscheck::DnsChecker</name>
    <message>
        <source>The DNS servers &quot;%1&quot; cannot be used: %2</source>
        <translation>无法使用 DNS 服务器“%1”：%2</translation>
    </message>
    <message>
        <source>Cannot ask DNS: %1</source>
        <translation>无法查询 DNS：%1</translation>
    </message>
    <message>
        <source>%1 records are not checked</source>
        <translation>不检查 %1 记录</translation>
    </message>
    <message>
        <source>too many questions</source>
        <translation>查询次数过多</translation>
    </message>
</context>
<context>
    <name>postwr::dnscheck::ExpectedRecordsText</name>
    <message>
        <source>The server&apos;s list of DNS records is not JSON (%1); is postwrd on the server up to date?</source>
        <translation>服务器提供的 DNS 记录列表不是 JSON（%1）；服务器上的 postwrd 是否为最新版本？</translation>
    </message>
    <message>
        <source>The server&apos;s list of DNS records has no domain or no records.</source>
        <translation>服务器提供的 DNS 记录列表中没有域名或没有记录。</translation>
    </message>
    <message>
        <source>Record %1 of the server&apos;s list has no id, type or name.</source>
        <translation>服务器列表中的第 %1 条记录缺少 id、类型或名称。</translation>
    </message>
</context>
<context>
    <name>postwr::dnscheck::RecordCheck</name>
    <message>
        <source>Not published yet. If you added it within the last hours, DNS may not show it yet: check again later.</source>
        <translation>尚未发布。如果你是在最近几小时内添加的，DNS 可能还查不到：请稍后再检查。</translation>
    </message>
    <message>
        <source>%1 points to %2, not to the server&apos;s %3.</source>
        <translation>%1 指向 %2，而不是服务器的地址 %3。</translation>
    </message>
    <message>
        <source>It names %1; it should name %2.</source>
        <translation>它指向的是 %1；应该指向 %2。</translation>
    </message>
    <message>
        <source>There are %1 SPF records; receivers then ignore SPF altogether (RFC 7208 §4.5). Keep one: edit the first to read %2 and delete the others.</source>
        <translation>有 %1 条 SPF 记录；这样收件方会完全忽略 SPF（RFC 7208 §4.5）。请只保留一条：把第一条改为 %2，并删除其余几条。</translation>
    </message>
    <message>
        <source>The value was pasted with its quotes. Remove the &quot; at both ends in the DNS panel.</source>
        <translation>值连同引号一起被粘贴了。请在 DNS 管理面板中删掉两端的 &quot;。</translation>
    </message>
    <message>
        <source>It does not let the server send: add %1 before the final all, e.g. %2.</source>
        <translation>它不允许服务器发信：请在末尾的 all 前面加上 %1，例如 %2。</translation>
    </message>
    <message>
        <source>The value has quotation marks in it: the panel took them as text. Paste the value without quotes, or as the quoted pieces the panel asks for, each in its own quotes.</source>
        <translation>值中含有引号：面板把它们当成了文本内容。请粘贴不带引号的值，或者按面板的要求分成几段、每段各自用引号括起来粘贴。</translation>
    </message>
    <message>
        <source>The key was split into pieces with spaces between them. Paste it as one string, or as the quoted 255-character pieces Postwr gives, with nothing between them.</source>
        <translation>密钥被拆成了几段，段与段之间有空格。请把它作为一整个字符串粘贴，或者粘贴 Postwr 提供的、带引号的 255 字符分段，段与段之间不要加任何内容。</translation>
    </message>
    <message>
        <source>The key is cut short: %1 of %2 characters arrived. The DNS panel stops at 255 characters per string: paste the quoted 255-character pieces Postwr gives.</source>
        <translation>密钥被截断了：%2 个字符中只收到了 %1 个。DNS 管理面板的每个字符串最多只能有 255 个字符：请粘贴 Postwr 提供的、带引号的 255 字符分段。</translation>
    </message>
    <message>
        <source>This is another key than the one the server signs with (selector %1). Replace the value with the one Postwr shows.</source>
        <translation>这个密钥与服务器签名所用的密钥不同（选择器 %1）。请把值替换为 Postwr 显示的值。</translation>
    </message>
    <message>
        <source>There are %1 %2 records; receivers then use none. Keep one.</source>
        <translation>有 %1 条 %2 记录；这样收件方一条都不会采用。请只保留一条。</translation>
    </message>
    <message>
        <source>The policy p= must be none, quarantine or reject; it is &quot;%1&quot;.</source>
        <translation>策略 p= 必须是 none、quarantine 或 reject；当前是“%1”。</translation>
    </message>
    <message>
        <source>Its id is not the one of the current policy: senders keep the old policy. Set it to %1.</source>
        <translation>它的 id 与当前策略的 id 不一致：发件方会继续使用旧策略。请把它设为 %1。</translation>
    </message>
    <message>
        <source>DNS did not answer: %1. Check again in a moment.</source>
        <translation>DNS 没有响应：%1。请稍后再检查。</translation>
    </message>
    <message>
        <source>%1 is a CNAME (an alias of %2), but a %3 record belongs there. Delete the CNAME and add the %3 record.</source>
        <translation>%1 是一条 CNAME（%2 的别名），但那里应该是一条 %3 记录。请删除该 CNAME，并添加 %3 记录。</translation>
    </message>
    <message>
        <source>It is published as %1: the DNS panel added your domain to the name again. In the panel&apos;s name field, enter only %2.</source>
        <translation>它被发布为 %1：DNS 管理面板又在名称后面加了一次你的域名。请在面板的名称字段中只填写 %2。</translation>
    </message>
    <message>
        <source>It should read %1.</source>
        <translation>应为 %1。</translation>
    </message>
    <message>
        <source>%1 has no reverse DNS. Set it to %2 in your hosting provider&apos;s panel (not in your domain&apos;s DNS): many receivers refuse mail from an address without one.</source>
        <translation>%1 没有反向 DNS。请在主机服务商的管理面板中（而不是在你域名的 DNS 中）把它设为 %2：很多收件方会拒收来自没有反向 DNS 的地址的邮件。</translation>
    </message>
    <message>
        <source>The reverse DNS of %1 is %2; it should be %3. Change it in your hosting provider&apos;s panel.</source>
        <translation>%1 的反向 DNS 是 %2；应为 %3。请在主机服务商的管理面板中修改。</translation>
    </message>
    <message>
        <source>The reverse DNS names %1, but %1 does not lead back to %2 (it has %3): add the A or AAAA record so that receivers can confirm it.</source>
        <translation>反向 DNS 指向 %1，但 %1 并没有指回 %2（它当前解析为：%3）：请添加 A 或 AAAA 记录，让收件方可以确认。</translation>
    </message>
    <message>
        <source>no address</source>
        <translation>无地址</translation>
    </message>
    <message>
        <source>%1 is missing: mail your other provider sends would fail SPF. Add it before the final all, e.g. %2.</source>
        <translation>缺少 %1：你的另一个服务商发出的邮件将无法通过 SPF。请把它加在末尾的 all 之前，例如 %2。</translation>
    </message>
    <message>
        <source>Checking it takes more than the 10 DNS lookups SPF allows (%1), so receivers treat it as broken. Remove the include: of senders you no longer use, or list their addresses with ip4:/ip6: instead.</source>
        <translation>检查这条记录需要超过 SPF 允许的 10 次 DNS 查询（%1），因此收件方会把它视为无效。请删除你不再使用的发件方的 include:，或改用 ip4:/ip6: 列出它们的地址。</translation>
    </message>
    <message>
        <source>Receivers cannot use it: %1.</source>
        <translation>收件方无法使用这条记录：%1。</translation>
    </message>
    <message>
        <source>For mail from %1 it says %2: receivers do not let the server send. Add ip4:/ip6: with the server&apos;s address before the final all.</source>
        <translation>对于来自 %1 的邮件，它给出的结果是 %2：收件方不会允许这台服务器发信。请在末尾的 all 之前加上带有服务器地址的 ip4:/ip6:。</translation>
    </message>
    <message>
        <source>Your domain&apos;s name servers (%1) already have it right; the resolver asked still remembers an older answer. Nothing to do: it will see the new record within the record&apos;s TTL (an hour, usually).</source>
        <translation>你域名的名称服务器（%1）上的记录已经正确；被查询的解析器还记着旧的应答。无需任何操作：它会在该记录的 TTL（通常为一小时）内看到新记录。</translation>
    </message>
    <message>
        <source>The resolver still remembers the right record, but your domain&apos;s name servers (%1) no longer have it: %2</source>
        <translation>解析器仍记着正确的记录，但你域名的名称服务器（%1）上已经没有它了：%2</translation>
    </message>
</context>
<context>
    <name>postwr::dnscheck::RecordPurpose</name>
    <message>
        <source>Mail for %1 is delivered to this server, %2.</source>
        <translation>发往 %1 的邮件投递到这台服务器 %2。</translation>
    </message>
    <message>
        <source>The address of %1, the mail server: the MX points here and the reverse DNS must lead back here.</source>
        <translation>邮件服务器 %1 的地址：MX 指向这里，反向 DNS 也必须指回这里。</translation>
    </message>
    <message>
        <source>SPF: this server may send mail for @%1; receivers distrust mail from other servers.</source>
        <translation>SPF：这台服务器可以代表 @%1 发送邮件；收件方不信任来自其他服务器的邮件。</translation>
    </message>
    <message>
        <source>SPF for the name the server greets with: bounces have no sender, so receivers check this name.</source>
        <translation>服务器问候时所用名称的 SPF：退信没有发件人，因此收件方检查这个名称。</translation>
    </message>
    <message>
        <source>DKIM: the public key receivers check the signature of each message with.</source>
        <translation>DKIM：收件方用来验证每封邮件签名的公钥。</translation>
    </message>
    <message>
        <source>DMARC: what receivers do with mail from @%1 that passes neither SPF nor DKIM, and where they send reports.</source>
        <translation>DMARC：收件方如何处理来自 @%1、SPF 和 DKIM 都未通过的邮件，以及报告发往何处。</translation>
    </message>
    <message>
        <source>TLS-RPT: where other servers report when they could not reach this one over TLS.</source>
        <translation>TLS-RPT：其他服务器无法通过 TLS 连接到本服务器时，向何处报告。</translation>
    </message>
    <message>
        <source>MTA-STS: tells senders to use TLS with a valid certificate; the policy itself is on a web server.</source>
        <translation>MTA-STS：要求发件方使用带有效证书的 TLS；策略本身放在网页服务器上。</translation>
    </message>
    <message>
        <source>The web server that serves the MTA-STS policy (not postwrd).</source>
        <translation>提供 MTA-STS 策略的网页服务器（不是 postwrd）。</translation>
    </message>
    <message>
        <source>Lets mail programs find the server and port to send from.</source>
        <translation>让邮件程序找到用于发信的服务器和端口。</translation>
    </message>
    <message>
        <source>Reverse DNS, set in your hosting provider&apos;s panel (not in your domain&apos;s): it must name %1, or many receivers refuse the mail.</source>
        <translation>反向 DNS，在主机服务商的面板中设置（不在域名的面板中）：它必须指向 %1，否则很多收件方会拒收邮件。</translation>
    </message>
</context>
<context>
    <name>postwr::dnscheck::ReverseDnsHelp</name>
    <message>
        <source>Reverse DNS is set where you rent the server, not where your domain&apos;s DNS is: in your hosting provider&apos;s control panel, look for &quot;Reverse DNS&quot;, &quot;rDNS&quot; or &quot;PTR&quot; next to the server&apos;s IP addresses, and set %1 to %2. If there is no such setting, ask their support (Postwr writes the request for you).</source>
        <translation>反向 DNS 要在你租用服务器的地方设置，而不是在你域名的 DNS 那里：请在主机服务商的控制面板中，在服务器 IP 地址旁边找“Reverse DNS”、“rDNS”或“PTR”（反向 DNS），把 %1 设为 %2。如果没有这样的设置，请联系他们的技术支持（Postwr 会为你写好请求）。</translation>
    </message>
    <message>
        <source>This server is at %1: in the customer panel, open &quot;Reverse DNS Management&quot;, click the pencil next to %2 and enter %3.</source>
        <translation>这台服务器托管在 %1：请在客户面板中打开“Reverse DNS Management”（反向 DNS 管理），点击 %2 旁边的铅笔图标，然后输入 %3。</translation>
    </message>
    <message>
        <source>This server is at %1: in the Cloud Console open the server, then &quot;Networking&quot;, and edit the reverse DNS of %2 to %3 (for a dedicated server: Robot, &quot;IPs&quot;).</source>
        <translation>这台服务器托管在 %1：在 Cloud Console 中打开该服务器，再打开“Networking”（网络），把 %2 的反向 DNS 改为 %3（独立服务器请在 Robot 的“IPs”中设置）。</translation>
    </message>
    <message>
        <source>This server is at %1: in the control panel open &quot;Network&quot; then &quot;Public IP addresses&quot;, choose &quot;Modify the reverse path&quot; for %2 and enter %3.</source>
        <translation>这台服务器托管在 %1：在控制面板中依次打开“Network”（网络）和“Public IP addresses”（公网 IP 地址），为 %2 选择“Modify the reverse path”（修改反向解析），然后输入 %3。</translation>
    </message>
    <message>
        <source>This server is at %1: open the server, then &quot;Settings&quot; and &quot;IPv4&quot; (or &quot;IPv6&quot;), and set the reverse DNS of %2 to %3.</source>
        <translation>这台服务器托管在 %1：打开该服务器，再依次打开“Settings”（设置）和“IPv4”（或“IPv6”），把 %2 的反向 DNS 设为 %3。</translation>
    </message>
    <message>
        <source>This server is at %1, which takes the reverse DNS from the droplet&apos;s name: rename the droplet to %3 and %2 follows.</source>
        <translation>这台服务器托管在 %1，它用 droplet 的名称作为反向 DNS：把 droplet 重命名为 %3，%2 的反向 DNS 就会随之更新。</translation>
    </message>
    <message>
        <source>This server is at %1: open the Linode, then &quot;Network&quot;, and choose &quot;Edit RDNS&quot; next to %2 to enter %3.</source>
        <translation>这台服务器托管在 %1：打开该 Linode，再打开“Network”（网络），点击 %2 旁边的“Edit RDNS”（编辑 RDNS），输入 %3。</translation>
    </message>
    <message>
        <source>This server is at %1: reverse DNS and sending on port 25 are opened together by the request &quot;Enable email sending&quot;; give %2 and %3 in it.</source>
        <translation>这台服务器托管在 %1：反向 DNS 和通过 25 端口发信是用同一个“Enable email sending”（启用电子邮件发送）请求一起开通的；请在该请求中填写 %2 和 %3。</translation>
    </message>
</context>
<context>
    <name>postwr::dnscheck::SupportRequest</name>
    <message>
        <source>Hello,</source>
        <translation>您好：</translation>
    </message>
    <message>
        <source>I run a mail server for my own domain on my server, under the name %1.</source>
        <translation>我在自己的服务器上为自己的域名运行一台邮件服务器，名称为 %1。</translation>
    </message>
    <message>
        <source>Please set the reverse DNS (PTR record) of these addresses:</source>
        <translation>请为以下地址设置反向 DNS（PTR 记录）：</translation>
    </message>
    <message>
        <source>- %1 → %2 (it has none now)</source>
        <translation>- %1 → %2（目前没有）</translation>
    </message>
    <message>
        <source>- %1 → %2 (it is %3 now)</source>
        <translation>- %1 → %2（目前为 %3）</translation>
    </message>
    <message>
        <source>Please also open outbound connections to TCP port 25, which my server needs to deliver mail to other mail servers. It sends only mail from my own accounts, DKIM-signed and under SPF and DMARC; it is not an open relay.</source>
        <translation>另外，请开放到 TCP 25 端口的出站连接，我的服务器需要它把邮件投递到其他邮件服务器。它只发送我自己账号的邮件，带 DKIM 签名并受 SPF 和 DMARC 约束；它不是开放中继。</translation>
    </message>
    <message>
        <source>Thank you.</source>
        <translation>谢谢。</translation>
    </message>
    <message>
        <source>I have pointed %1 to these addresses in my domain&apos;s DNS, so the reverse DNS will be forward-confirmed.</source>
        <translation>我已在域名的 DNS 中把 %1 指向这些地址，因此反向 DNS 可以得到正向确认。</translation>
    </message>
</context>
<context>
    <name>postwr::mailtest::DeliveryReportText</name>
    <message>
        <source>The receiver refused mail from an address without reverse DNS: set the PTR record of your server&apos;s %1 address to your mail host name in your provider&apos;s control panel.</source>
        <translation>收件方拒收了来自没有反向 DNS 的地址的邮件：请在服务商的控制面板中，把你服务器 %1 地址的 PTR 记录设为你的邮件主机名。</translation>
    </message>
    <message>
        <source>The receiver could not authenticate the message: check that the SPF, DKIM and DMARC records are published (the DNS step checks them).</source>
        <translation>收件方无法验证这封邮件：请检查 SPF、DKIM 和 DMARC 记录是否已发布（DNS 步骤会检查它们）。</translation>
    </message>
    <message>
        <source>The receiver&apos;s SPF check failed: the SPF record must list the server&apos;s %1 address (the DNS step shows the record).</source>
        <translation>收件方的 SPF 检查失败：SPF 记录必须包含服务器的 %1 地址（DNS 步骤会显示该记录）。</translation>
    </message>
    <message>
        <source>The recipient&apos;s address does not exist. Check it for typos.</source>
        <translation>收件人地址不存在。请检查是否有拼写错误。</translation>
    </message>
    <message>
        <source>The receiving server could not be reached. postwrd keeps the message and tries again; if this lasts, your provider may block outbound port 25.</source>
        <translation>无法连接到收件服务器。postwrd 会保留这封邮件并重试；如果一直如此，可能是你的服务商封锁了出站端口 25。</translation>
    </message>
    <message>
        <source>The receiver asked to try again later. postwrd keeps the message and retries on its own.</source>
        <translation>收件方要求稍后重试。postwrd 会保留这封邮件并自动重试。</translation>
    </message>
</context>
<context>
    <name>postwr::mailtest::TestMailSender</name>
    <message>
        <source>an old TLS version</source>
        <translation>旧版 TLS</translation>
    </message>
    <message>
        <source>Cannot connect to %1 on port %2: %3. Check the server&apos;s address, that postwrd runs, and that no firewall blocks the port.</source>
        <translation>无法连接到 %1 的端口 %2：%3。请检查服务器地址、postwrd 是否在运行，以及是否有防火墙阻止该端口。</translation>
    </message>
    <message>
        <source>The TLS handshake with the server failed: %1</source>
        <translation>与服务器的 TLS 握手失败：%1</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted: %1. Until the certificate step gets one from Let&apos;s Encrypt, only the certificate Postwr made at install time is accepted.</source>
        <translation>服务器的证书不受信任：%1。在证书步骤从 Let&apos;s Encrypt 获取证书之前，只接受 Postwr 在安装时生成的证书。</translation>
    </message>
    <message>
        <source>The server refused the user name or password of %1 (%2). Check the password, or reset it in the accounts step.</source>
        <translation>服务器拒绝了 %1 的用户名或密码（%2）。请检查密码，或在账户步骤中重置它。</translation>
    </message>
    <message>
        <source>The server refused the sender %1 (%2): an account may only send as its own domain.</source>
        <translation>服务器拒绝了发件人 %1（%2）：账户只能以自己的域名发信。</translation>
    </message>
    <message>
        <source>The server refused the recipient %1 (%2).</source>
        <translation>服务器拒绝了收件人 %1（%2）。</translation>
    </message>
    <message>
        <source>The server did not take the message: %1</source>
        <translation>服务器没有接收这封邮件：%1</translation>
    </message>
    <message>
        <source>The conversation with the server failed: %1 (%2)</source>
        <translation>与服务器的通信失败：%1（%2）</translation>
    </message>
</context>
<context>
    <name>postwr::mailtest::TestMessage</name>
    <message>
        <source>Postwr test message %1</source>
        <translation>Postwr 测试邮件 %1</translation>
    </message>
    <message>
        <source>Hello,</source>
        <translation>你好：</translation>
    </message>
    <message>
        <source>this message was sent by Postwr through your own mail server, as %1, to check that it delivers signed mail.</source>
        <translation>这封邮件由 Postwr 以 %1 的身份，通过你自己的邮件服务器发送，用于检查它能否投递已签名的邮件。</translation>
    </message>
    <message>
        <source>If you read it in your inbox, sending works. In Gmail, open the message menu and choose &quot;Show original&quot;: SPF, DKIM and DMARC should all say PASS.</source>
        <translation>如果你在收件箱中看到了它，说明发信正常。在 Gmail 中打开邮件菜单并选择“显示原始邮件”：SPF、DKIM 和 DMARC 都应显示 PASS。</translation>
    </message>
    <message>
        <source>Test id: %1</source>
        <translation>测试编号：%1</translation>
    </message>
</context>
<context>
    <name>postwr::pages::AccountsPage</name>
    <message>
        <source>Enter the address of the account, e.g. me@%1.</source>
        <translation>请输入账户的地址，例如 me@%1。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an email address.</source>
        <translation>“%1”不是电子邮件地址。</translation>
    </message>
    <message>
        <source>The account must be at your domain %1.</source>
        <translation>账户必须属于你的域名 %1。</translation>
    </message>
    <message numerus="yes">
        <source>The password needs at least %n character(s), or let Postwr make one.</source>
        <translation>
            <numerusform>密码至少需要 %n 个字符，也可以让 Postwr 生成一个。</numerusform>
        </translation>
    </message>
    <message>
        <source>List the accounts</source>
        <translation>列出账户</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>添加 %1</translation>
    </message>
    <message>
        <source>The password of %1, shown only now: copy it to your password manager.</source>
        <translation>%1 的密码，仅此一次显示：请把它复制到你的密码管理器中。</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>Sender accounts</source>
        <translation>发件账户</translation>
    </message>
    <message>
        <source>Each address you send from needs an account on the server, with a password for your mail program or Gmail. Mail to the addresses arrives as the forwarding page says.</source>
        <translation>每个用来发信的地址都需要在服务器上有一个账户，并设有供你的邮件程序或 Gmail 使用的密码。发往这些地址的邮件按转发页面的设置送达。</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Generate a strong password</source>
        <translation>生成强密码(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Add or change password</source>
        <translation>添加或更改密码(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove the selected account</source>
        <translation>删除所选账户(&amp;R)</translation>
    </message>
</context>
<context>
    <name>postwr::pages::BackupPage</name>
    <message>
        <source>&quot;%1&quot; is not the SSH address of a git repository: copy it from the repository&apos;s page, where it looks like git@github.com:you/mail-config.git.</source>
        <translation>“%1”不是 git 仓库的 SSH 地址：请从仓库页面上复制，它的形式类似 git@github.com:you/mail-config.git。</translation>
    </message>
    <message numerus="yes">
        <source>Choose a passphrase of at least %n character(s).</source>
        <translation>
            <numerusform>请选择至少 %n 个字符的密码短语。</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的密码短语不一致。</translation>
    </message>
    <message>
        <source>&amp;Save and push</source>
        <translation>保存并推送(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Set up the backup</source>
        <translation>设置备份(&amp;S)</translation>
    </message>
    <message>
        <source>Read how the backup stands</source>
        <translation>读取备份状态</translation>
    </message>
    <message>
        <source>Set up the backup</source>
        <translation>设置备份</translation>
    </message>
    <message>
        <source>Push the backup</source>
        <translation>推送备份</translation>
    </message>
    <message>
        <source>Download the backup</source>
        <translation>下载备份</translation>
    </message>
    <message>
        <source>Saved as &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt; (secrets inside as encrypted as in the repository).</source>
        <translation>已保存为 &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;（其中机密的加密方式与仓库中相同）。</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Postwr keeps the server&apos;s configuration (accounts, forwarding, DKIM keys, certificate) in git and pushes every change to a private repository of yours, e.g. on GitHub. If the server is lost, a new one takes over from the backup with the same DNS records.</source>
        <translation>Postwr 用 git 保存服务器的配置（账户、转发、DKIM 密钥、证书），并把每次更改推送到你自己的一个私有仓库，例如 GitHub 上的仓库。如果服务器丢失，新服务器可以凭借备份接替它，DNS 记录保持不变。</translation>
    </message>
    <message>
        <source>&amp;Encrypt the secrets (DKIM keys, password hashes, TLS key) with a passphrase</source>
        <translation>用密码短语加密机密（DKIM 密钥、密码哈希、TLS 密钥）(&amp;E)</translation>
    </message>
    <message>
        <source>Private &amp;repository (SSH address):</source>
        <translation>私有仓库（SSH 地址）(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>密码短语(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>再次输入(&amp;A)：</translation>
    </message>
    <message>
        <source>git@github.com:you/mail-config.git (empty: keep it on the server only)</source>
        <translation>git@github.com:you/mail-config.git（留空：只保存在服务器上）</translation>
    </message>
    <message>
        <source>Keep the passphrase somewhere safe, away from the server: restoring asks for it, and nobody can recover it.</source>
        <translation>请把密码短语保存在服务器以外的安全地方：恢复时需要输入它，而且任何人都无法找回它。</translation>
    </message>
    <message>
        <source>The server pushes with this deploy key of its own. Add it to the repository&apos;s deploy keys and allow it write access (on GitHub: Settings, Deploy keys, Add deploy key, &quot;Allow write access&quot;), then push.</source>
        <translation>服务器使用它自己的这个部署密钥推送。请把它添加到仓库的部署密钥中，并授予写入权限（在 GitHub 上：依次打开“Settings”（设置）、“Deploy keys”（部署密钥）、“Add deploy key”（添加部署密钥），并勾选“Allow write access”（允许写入权限）），然后推送。</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Push now</source>
        <translation>立即推送(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Download backup</source>
        <translation>下载备份(&amp;D)</translation>
    </message>
</context>
<context>
    <name>postwr::pages::CertificatePage</name>
    <message>
        <source>&quot;%1&quot; is not an email address.</source>
        <translation>“%1”不是电子邮件地址。</translation>
    </message>
    <message>
        <source>Give the full path on the server, starting with /: &quot;%1&quot;.</source>
        <translation>请填写服务器上以 / 开头的完整路径：“%1”。</translation>
    </message>
    <message>
        <source>Give both files on the server: the certificate chain and its private key.</source>
        <translation>请填写服务器上的两个文件：证书链及其私钥。</translation>
    </message>
    <message>
        <source>Read the certificate</source>
        <translation>读取证书</translation>
    </message>
    <message>
        <source>No certificate yet: mail programs cannot send through the server until it has one.</source>
        <translation>还没有证书：在服务器获得证书之前，邮件程序无法通过它发信。</translation>
    </message>
    <message>
        <source>TLS certificate</source>
        <translation>TLS 证书</translation>
    </message>
    <message>
        <source>Mail programs and other servers encrypt their connections to yours with TLS; they trust it when its certificate comes from a known authority and names %1.</source>
        <translation>邮件程序和其他服务器会用 TLS 加密与你的服务器之间的连接；只有当证书来自知名的证书颁发机构、并且写有 %1 的名称时，它们才会信任它。</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>你的服务器</translation>
    </message>
    <message>
        <source>&amp;Let&apos;s Encrypt: free, trusted everywhere, renewed by itself (port 80 must be open for a moment)</source>
        <translation>Let&apos;s Encrypt：免费、处处受信任、自动续期（需要临时开放 80 端口）(&amp;L)</translation>
    </message>
    <message>
        <source>A certificate &amp;already on the server</source>
        <translation>服务器上已有的证书(&amp;A)</translation>
    </message>
    <message>
        <source>A new &amp;self-signed certificate (testing only: mail programs warn about it)</source>
        <translation>新的自签名证书（仅用于测试：邮件程序会对它发出警告）(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Email for expiry notices (optional):</source>
        <translation>接收到期通知的邮箱（可选）(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Certificate chain:</source>
        <translation>证书链(&amp;C)：</translation>
    </message>
    <message>
        <source>Private &amp;key:</source>
        <translation>私钥(&amp;K)：</translation>
    </message>
    <message>
        <source>you@example.org</source>
        <translation>you@example.org</translation>
    </message>
    <message>
        <source>&amp;Get the certificate</source>
        <translation>获取证书(&amp;G)</translation>
    </message>
    <message>
        <source>Give a Cloudflare API token with the permission Zone, DNS, Edit for your domain (Cloudflare&apos;s dashboard: My Profile, API Tokens).</source>
        <translation>请提供一个对你的域名拥有 Zone, DNS, Edit（区域、DNS、编辑）权限的 Cloudflare API 令牌，可在 Cloudflare 仪表板的 My Profile, API Tokens（我的个人资料、API 令牌）中创建。</translation>
    </message>
    <message>
        <source>The certificate is there, but the Cloudflare token could not be kept in the keyring: %1</source>
        <translation>证书已就绪，但无法将 Cloudflare 令牌保存到密钥环中：%1</translation>
    </message>
    <message>
        <source>Let&apos;s Encrypt through Cloudflare&apos;s &amp;DNS, for servers whose port 80 cannot be opened</source>
        <translation>通过 Cloudflare 的 DNS 使用 Let&apos;s Encrypt，适用于无法开放 80 端口的服务器(&amp;D)</translation>
    </message>
    <message>
        <source>Cloudflare API &amp;token:</source>
        <translation>Cloudflare API 令牌(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>postwr::pages::ConnectPage</name>
    <message>
        <source>Connect to your server</source>
        <translation>连接到你的服务器</translation>
    </message>
    <message>
        <source>Postwr sets up your server over SSH, the way you log in to it yourself. Give its address and how you log in; nothing is changed on it before you agree.</source>
        <translation>Postwr 通过 SSH 配置你的服务器，就像你自己登录它一样。请填写它的地址和登录方式；在你同意之前，服务器上不会有任何改动。</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>服务器地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <source>Log in &amp;with:</source>
        <translation>登录方式(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Key file:</source>
        <translation>密钥文件(&amp;K)：</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>my SSH agent</source>
        <translation>我的 SSH 代理</translation>
    </message>
    <message>
        <source>a key file</source>
        <translation>密钥文件</translation>
    </message>
    <message>
        <source>a password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>vps.example.org or 203.0.113.5</source>
        <translation>vps.example.org 或 203.0.113.5</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address.</source>
        <translation>请输入服务器的地址。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name or IP address: no spaces, slashes or @.</source>
        <translation>“%1”不是主机名或 IP 地址：不能包含空格、斜杠或 @。</translation>
    </message>
    <message>
        <source>Enter the user to log in as, e.g. root.</source>
        <translation>请输入登录用户，例如 root。</translation>
    </message>
    <message>
        <source>Choose your private key file.</source>
        <translation>请选择你的私钥文件。</translation>
    </message>
    <message>
        <source>Enter the password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>Pass&amp;phrase (if any):</source>
        <translation>密码短语（如有）(&amp;P)：</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接到 %1…</translation>
    </message>
    <message>
        <source>Not connected: the server&apos;s key was not trusted.</source>
        <translation>未连接：没有信任服务器的密钥。</translation>
    </message>
    <message>
        <source>Logging in as %1…</source>
        <translation>正在以 %1 身份登录…</translation>
    </message>
    <message>
        <source>Connected to %1 as %2.</source>
        <translation>已以 %2 身份连接到 %1。</translation>
    </message>
    <message>
        <source>&amp;Try it on this computer first</source>
        <translation>先在这台电脑上试一试(&amp;T)</translation>
    </message>
    <message>
        <source>Sets up a sandbox here: an SSH server standing in for your VPS, a DNS server, and a mail server standing in for Gmail. Nothing leaves this computer.</source>
        <translation>在本机搭建一个沙盒：一个代替你的 VPS 的 SSH 服务器、一个 DNS 服务器，以及一个代替 Gmail 的邮件服务器。任何数据都不会离开这台电脑。</translation>
    </message>
    <message>
        <source>Starting the sandbox: an SSH server, a DNS server and a mail server standing in for Gmail…</source>
        <translation>正在启动沙盒：一个 SSH 服务器、一个 DNS 服务器和一个代替 Gmail 的邮件服务器…</translation>
    </message>
</context>
<context>
    <name>postwr::pages::DnsPage</name>
    <message>
        <source>Read the records %1 needs</source>
        <translation>读取 %1 所需的记录</translation>
    </message>
    <message>
        <source>correct</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>有误</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <source>Ask DNS for each record</source>
        <translation>逐条向 DNS 查询记录</translation>
    </message>
    <message>
        <source>Export the zone file</source>
        <translation>导出区域文件</translation>
    </message>
    <message>
        <source>Zone files (*.zone *.txt)</source>
        <translation>区域文件 (*.zone *.txt)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Saved %1: import it in your DNS provider&apos;s panel.</source>
        <translation>已保存 %1：请在 DNS 服务商的面板中导入它。</translation>
    </message>
    <message>
        <source>DNS records</source>
        <translation>DNS 记录</translation>
    </message>
    <message>
        <source>Receivers trust your mail when your domain&apos;s DNS says this server may send it. Add these records in your DNS provider&apos;s panel, then check them here; DNS can take a few hours to show changes.</source>
        <translation>当您域名的 DNS 表明这台服务器可以发送您的邮件时，收件方才会信任它。请在 DNS 服务商的面板中添加这些记录，然后在这里检查；DNS 可能需要几个小时才能显示更改。</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Copy &amp;name</source>
        <translation>复制名称(&amp;N)</translation>
    </message>
    <message>
        <source>Copy &amp;value</source>
        <translation>复制值(&amp;V)</translation>
    </message>
    <message>
        <source>Copy as &amp;quoted pieces</source>
        <translation>复制为带引号的分段(&amp;Q)</translation>
    </message>
    <message>
        <source>Copy &amp;all</source>
        <translation>全部复制(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Export zone file…</source>
        <translation>导出区域文件(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Check DNS</source>
        <translation>检查 DNS(&amp;C)</translation>
    </message>
    <message>
        <source>Copy a &amp;request to your hosting provider</source>
        <translation>复制给主机服务商的请求(&amp;R)</translation>
    </message>
    <message>
        <source>The reverse DNS (and a blocked port 25) only your hosting provider can fix: a ready-made support request with your addresses, to paste into their ticket form.</source>
        <translation>反向 DNS（以及被封锁的 25 端口）只有主机服务商才能修复：这是一份填好了您地址的支持请求，可直接粘贴到他们的工单表单中。</translation>
    </message>
    <message>
        <source>published, not seen yet</source>
        <translation>已发布，尚未查到</translation>
    </message>
    <message>
        <source>The blocklists could not be asked: %1</source>
        <translation>无法查询黑名单：%1</translation>
    </message>
</context>
<context>
    <name>postwr::pages::DomainPage</name>
    <message>
        <source>Only the part after the @: example.org, not me@example.org.</source>
        <translation>只填 @ 后面的部分：example.org，而不是 me@example.org。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a domain name like example.org.</source>
        <translation>“%1”不是像 example.org 这样的域名。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name like mail.example.org.</source>
        <translation>“%1”不是像 mail.example.org 这样的主机名。</translation>
    </message>
    <message>
        <source>Your domain</source>
        <translation>你的域名</translation>
    </message>
    <message>
        <source>Mail will come from addresses at your domain, like you@example.org. The server itself gets a name of its own, usually mail. in front of the domain; receivers look it up to check who is sending.</source>
        <translation>邮件将从你域名下的地址发出，例如 you@example.org。服务器本身另有一个名称，通常是在域名前加上 mail.；收件方会查询这个名称，以确认是谁在发信。</translation>
    </message>
    <message>
        <source>Mail &amp;domain:</source>
        <translation>邮件域名(&amp;D)：</translation>
    </message>
    <message>
        <source>Mail &amp;host name:</source>
        <translation>邮件主机名(&amp;H)：</translation>
    </message>
    <message>
        <source>example.org</source>
        <translation>example.org</translation>
    </message>
    <message>
        <source>mail.example.org</source>
        <translation>mail.example.org</translation>
    </message>
</context>
<context>
    <name>postwr::pages::DonePage</name>
    <message>
        <source>Your mail server is ready</source>
        <translation>你的邮件服务器已就绪</translation>
    </message>
    <message>
        <source>Server: %1, mail host name %2.</source>
        <translation>服务器：%1，邮件主机名 %2。</translation>
    </message>
    <message>
        <source>Domain: %1, with mail signed by DKIM.</source>
        <translation>域名：%1，邮件使用 DKIM 签名。</translation>
    </message>
    <message>
        <source>Accounts: %1.</source>
        <translation>账户：%1。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Forwarding: none; mail stays on the server.</source>
        <translation>转发：无；邮件保留在服务器上。</translation>
    </message>
    <message>
        <source>Forwarding: everything for @%1 goes to %2.</source>
        <translation>转发：发往 @%1 的所有邮件都转到 %2。</translation>
    </message>
    <message>
        <source>Test message: not sent.</source>
        <translation>测试邮件：未发送。</translation>
    </message>
    <message>
        <source>Test message: %1</source>
        <translation>测试邮件：%1</translation>
    </message>
    <message>
        <source>Receivers trust your mail once the DNS records of your domain (MX, SPF, DKIM, DMARC) and the reverse DNS of the server&apos;s addresses are published; `postwrd dns records %1` on the server prints them.</source>
        <translation>当你域名的 DNS 记录（MX、SPF、DKIM、DMARC）和服务器地址的反向 DNS 都发布后，收件方就会信任你的邮件；在服务器上运行 `postwrd dns records %1` 可以显示这些记录。</translation>
    </message>
    <message>
        <source>&amp;Remember this server: the dashboard opens it next time</source>
        <translation>记住此服务器：下次在仪表板中打开它(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Keep its passwords in the desktop&apos;s keyring (never in a file)</source>
        <translation>将它的密码保存在桌面密钥环中（绝不存入文件）(&amp;K)</translation>
    </message>
</context>
<context>
    <name>postwr::pages::ForwardingPage</name>
    <message>
        <source>&quot;%1&quot; is not an email address like you@gmail.com.</source>
        <translation>“%1”不是像 you@gmail.com 这样的电子邮件地址。</translation>
    </message>
    <message>
        <source>Forward to a mailbox elsewhere: mail to %1 would come back here.</source>
        <translation>请转发到别处的邮箱：发往 %1 的邮件会被转回这里。</translation>
    </message>
    <message>
        <source>No forwarding: mail stays in the mailboxes on the server.</source>
        <translation>不转发：邮件保留在服务器上的邮箱中。</translation>
    </message>
    <message>
        <source>Mail to any address at %1 goes to %2.</source>
        <translation>发往 %1 下任何地址的邮件都会转到 %2。</translation>
    </message>
    <message>
        <source>Save to apply.</source>
        <translation>保存后生效。</translation>
    </message>
    <message>
        <source>Forwarding</source>
        <translation>转发</translation>
    </message>
    <message>
        <source>Your server sends mail, and it can pass on the mail it receives to the mailbox you already read, such as Gmail. Then nothing new needs checking.</source>
        <translation>你的服务器负责发信，也可以把收到的邮件转交到你平时在看的邮箱，例如 Gmail。这样就不用再多查看一个邮箱。</translation>
    </message>
    <message>
        <source>&amp;Forward all mail for @%1 to:</source>
        <translation>将发往 @%1 的所有邮件转发到(&amp;F)：</translation>
    </message>
    <message>
        <source>your domain</source>
        <translation>你的域名</translation>
    </message>
    <message>
        <source>you@gmail.com</source>
        <translation>you@gmail.com</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
</context>
<context>
    <name>postwr::pages::HostKeyQuestion</name>
    <message>
        <source>This is the first connection to %1. It identifies itself with this %2 key:

%3

Trust it only if it is your server&apos;s: on the server, `ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub` shows the same fingerprint.</source>
        <translation>这是第一次连接 %1。它用这个 %2 密钥表明身份：

%3

只有确认这是你的服务器时才信任它：在服务器上运行 `ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub` 会显示相同的指纹。</translation>
    </message>
    <message>
        <source>Trust this server?</source>
        <translation>信任这台服务器吗？</translation>
    </message>
    <message>
        <source>&amp;Trust</source>
        <translation>信任(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
</context>
<context>
    <name>postwr::pages::InstallPage</name>
    <message>
        <source>&amp;Run again</source>
        <translation>再次运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <source>Looking at what is there already…</source>
        <translation>正在查看服务器上已有的内容…</translation>
    </message>
    <message>
        <source>postwrd is installed and up to date; installing again changes nothing.</source>
        <translation>postwrd 已安装且为最新版本；再次安装不会有任何改变。</translation>
    </message>
    <message>
        <source>Installing will:</source>
        <translation>安装将会：</translation>
    </message>
    <message>
        <source>Install the mail server</source>
        <translation>安装邮件服务器</translation>
    </message>
    <message>
        <source>Postwr copies postwrd, its mail server, to the server and starts it as a service that comes back after a reboot. It also makes the key that signs your mail (DKIM), so that receivers can tell it really comes from you.</source>
        <translation>Postwr 会把它的邮件服务器 postwrd 复制到服务器上，并作为服务启动，服务器重启后也会自动运行。它还会生成为你的邮件签名的密钥（DKIM），让收件方能确认邮件确实来自你。</translation>
    </message>
    <message>
        <source>&amp;Install</source>
        <translation>安装(&amp;I)</translation>
    </message>
    <message>
        <source>The sandbox&apos;s DNS server now has the SPF, DKIM and DMARC records of %1.</source>
        <translation>沙盒的 DNS 服务器现已包含 %1 的 SPF、DKIM 和 DMARC 记录。</translation>
    </message>
    <message>
        <source>Read the DNS records for the sandbox</source>
        <translation>读取沙盒所需的 DNS 记录</translation>
    </message>
    <message>
        <source>Reading the DNS records %1 needs</source>
        <translation>正在读取 %1 所需的 DNS 记录</translation>
    </message>
    <message>
        <source>Restore the backup</source>
        <translation>恢复备份</translation>
    </message>
</context>
<context>
    <name>postwr::pages::LanguagePage</name>
    <message>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <source>Postwr turns your server into your own mail server, step by step. Choose the language to use; you can change it later.</source>
        <translation>Postwr 会一步步把你的服务器变成你自己的邮件服务器。请选择要使用的语言；之后可以随时更改。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>postwr::pages::RecordChoices</name>
    <message>
        <source>&quot;%1&quot; is not a domain name: give the SPF domain your provider names, e.g. _spf.google.com.</source>
        <translation>“%1”不是域名：请填写服务商给出的 SPF 域名，例如 _spf.google.com。</translation>
    </message>
    <message>
        <source>At most 8 other senders fit in SPF&apos;s 10 DNS lookups.</source>
        <translation>SPF 最多允许 10 次 DNS 查询，因此最多只能容纳 8 个其他发件方。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an email address.</source>
        <translation>“%1”不是电子邮件地址。</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>&amp;Mail to your domain:</source>
        <translation>发往你域名的邮件(&amp;M)：</translation>
    </message>
    <message>
        <source>Other &amp;senders:</source>
        <translation>其他发件方(&amp;S)：</translation>
    </message>
    <message>
        <source>Mail from other &amp;servers:</source>
        <translation>来自其他服务器的邮件(&amp;S)：</translation>
    </message>
    <message>
        <source>Mail that fails both &amp;checks:</source>
        <translation>两项检查都未通过的邮件(&amp;C)：</translation>
    </message>
    <message>
        <source>DMARC &amp;reports to:</source>
        <translation>DMARC 报告发送到(&amp;R)：</translation>
    </message>
    <message>
        <source>Ask D&amp;NS through:</source>
        <translation>DNS 查询途径(&amp;N)：</translation>
    </message>
    <message>
        <source>arrives at this server (MX here), forwarded as you chose</source>
        <translation>送达这台服务器（MX 指向这里），并按你的选择转发</translation>
    </message>
    <message>
        <source>stays with the mail provider I have (no MX change)</source>
        <translation>仍由我现有的邮件服务商接收（不更改 MX）</translation>
    </message>
    <message>
        <source>Keep your provider when your mailboxes are at Google Workspace, Microsoft 365 or the like: this server then only sends, and your MX records stay as they are.</source>
        <translation>如果你的邮箱在 Google Workspace、Microsoft 365 或类似服务上，请保留现有服务商：这样这台服务器只负责发信，你的 MX 记录保持不变。</translation>
    </message>
    <message>
        <source>e.g. _spf.google.com, spf.protection.outlook.com</source>
        <translation>例如 _spf.google.com, spf.protection.outlook.com</translation>
    </message>
    <message>
        <source>Servers that also send as your domain, by their SPF domain: your mailbox provider, a newsletter service. SPF then lets them send too.</source>
        <translation>同样以你的域名发信的服务器，填写它们的 SPF 域名：例如你的邮箱服务商、邮件简报服务。这样 SPF 也会允许它们发信。</translation>
    </message>
    <message>
        <source>is marked suspect (~all, recommended)</source>
        <translation>标记为可疑（~all，推荐）</translation>
    </message>
    <message>
        <source>is refused (-all)</source>
        <translation>被拒收（-all）</translation>
    </message>
    <message>
        <source>~all lets DMARC decide and keeps mail forwarded by others alive; -all asks receivers to refuse everything not sent by the servers listed.</source>
        <translation>~all 让 DMARC 来决定，并让经他人转发的邮件仍能送达；-all 要求收件方拒收所有不是由所列服务器发出的邮件。</translation>
    </message>
    <message>
        <source>is only reported (p=none)</source>
        <translation>仅报告（p=none）</translation>
    </message>
    <message>
        <source>goes to spam (p=quarantine, recommended)</source>
        <translation>进入垃圾邮件（p=quarantine，推荐）</translation>
    </message>
    <message>
        <source>is refused (p=reject)</source>
        <translation>被拒收（p=reject）</translation>
    </message>
    <message>
        <source>DMARC tells receivers what to do with mail that claims to be from your domain but passes neither SPF nor DKIM: forged mail.</source>
        <translation>DMARC 告诉收件方如何处理自称来自你的域名、但 SPF 和 DKIM 都未通过的邮件，也就是伪造邮件。</translation>
    </message>
    <message>
        <source>Receivers send a daily summary (rua) there, as XML; fo=1 asks them to count every message that failed SPF or DKIM, not only those that failed both.</source>
        <translation>收件方每天会向该地址发送一份 XML 格式的汇总报告（rua）；fo=1 要求他们统计每一封 SPF 或 DKIM 未通过的邮件，而不仅仅是两项都未通过的邮件。</translation>
    </message>
    <message>
        <source>this computer&apos;s resolver</source>
        <translation>本机的解析器</translation>
    </message>
    <message>
        <source>Cloudflare (1.1.1.1)</source>
        <translation>Cloudflare (1.1.1.1)</translation>
    </message>
    <message>
        <source>Google (8.8.8.8)</source>
        <translation>Google (8.8.8.8)</translation>
    </message>
    <message>
        <source>Quad9 (9.9.9.9)</source>
        <translation>Quad9 (9.9.9.9)</translation>
    </message>
    <message>
        <source>Another resolver may still remember an older answer for an hour or so; your domain&apos;s own name servers are asked as well.</source>
        <translation>其他解析器可能在一小时左右内仍记着旧的应答；你域名自己的名称服务器也会一并查询。</translation>
    </message>
</context>
<context>
    <name>postwr::pages::RestoreChoice</name>
    <message>
        <source>Give the backup&apos;s repository (its SSH address) or choose a downloaded backup.</source>
        <translation>请填写备份所在的仓库（它的 SSH 地址），或选择一个已下载的备份。</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>文件 %1 不存在。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither the SSH address of a git repository (git@github.com:you/mail-config.git) nor a .tar.gz backup.</source>
        <translation>“%1”既不是 git 仓库的 SSH 地址（git@github.com:you/mail-config.git），也不是 .tar.gz 备份。</translation>
    </message>
    <message>
        <source>Choose a downloaded backup</source>
        <translation>选择已下载的备份</translation>
    </message>
    <message>
        <source>Postwr backups (*.tar.gz *.tgz)</source>
        <translation>Postwr 备份 (*.tar.gz *.tgz)</translation>
    </message>
    <message>
        <source>&amp;Restore the backup of a server you had</source>
        <translation>恢复你以前的服务器的备份(&amp;R)</translation>
    </message>
    <message>
        <source>Its &amp;passphrase:</source>
        <translation>备份的密码短语(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Backup:</source>
        <translation>备份(&amp;B)：</translation>
    </message>
    <message>
        <source>git@github.com:you/mail-config.git, or a .tar.gz</source>
        <translation>git@github.com:you/mail-config.git，或 .tar.gz 文件</translation>
    </message>
    <message>
        <source>Choose a &amp;file…</source>
        <translation>选择文件(&amp;F)…</translation>
    </message>
    <message>
        <source>The accounts, forwarding, DKIM key and certificate come back as they were; this server keeps its own addresses. For a repository, the server makes a deploy key of its own: when the repository refuses it, add it there (read access is enough to restore, write access to go on backing up) and install again.</source>
        <translation>账户、转发、DKIM 密钥和证书都会恢复原样；这台服务器保留它自己的地址。从仓库恢复时，服务器会生成它自己的部署密钥：如果仓库拒绝了这个密钥，请把它添加到仓库中（恢复只需读取权限，要继续备份则需要写入权限），然后重新安装。</translation>
    </message>
</context>
<context>
    <name>postwr::pages::SendAsPanel</name>
    <message>
        <source>Use with Gmail</source>
        <translation>在 Gmail 中使用</translation>
    </message>
    <message>
        <source>In Gmail: Settings, &quot;Accounts and Import&quot;, &quot;Send mail as&quot;, &quot;Add another email address&quot;. Give your name and %1, untick &quot;Treat as an alias&quot; if you like, then:</source>
        <translation>在 Gmail 中：设置、“账号和导入”、“用此地址发送邮件”、“添加其他电子邮件地址”。填写你的姓名和 %1，也可以按需取消勾选“视为别名”，然后：</translation>
    </message>
    <message>
        <source>SMTP Server:</source>
        <translation>SMTP 服务器：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Security:</source>
        <translation>安全性：</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>复制 %1</translation>
    </message>
    <message>
        <source>the password of %1</source>
        <translation>%1 的密码</translation>
    </message>
    <message>
        <source>Secured connection using SSL</source>
        <translation>使用 SSL 的安全连接</translation>
    </message>
    <message>
        <source>Secured connection using TLS (recommended)</source>
        <translation>使用 TLS 的安全连接（推荐）</translation>
    </message>
    <message>
        <source>Gmail then sends a confirmation code to %1; with forwarding on, it arrives in your Gmail a moment later. Paste it, and Gmail can send as %1.</source>
        <translation>随后 Gmail 会向 %1 发送确认码；开启转发后，它很快就会出现在你的 Gmail 中。粘贴确认码后，Gmail 就能以 %1 的身份发信。</translation>
    </message>
    <message>
        <source>Thunderbird, Outlook and Apple Mail: outgoing (SMTP) server %1, port %2, %3, normal password, user name %4. Their automatic setup (autoconfig, autodiscover) does not apply: this server sends and forwards but keeps no IMAP mailbox, so enter these by hand.</source>
        <translation>Thunderbird、Outlook 和 Apple Mail：发件（SMTP）服务器 %1，端口 %2，%3，普通密码，用户名 %4。它们的自动配置（autoconfig、autodiscover）不适用：此服务器只发送和转发邮件，不提供 IMAP 邮箱，所以请手动输入这些设置。</translation>
    </message>
    <message>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
</context>
<context>
    <name>postwr::pages::ServerCheckPage</name>
    <message>
        <source>Nothing stands in the way.</source>
        <translation>一切就绪，没有障碍。</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to look at; you can go on and fix them later.</source>
        <translation>
            <numerusform>有 %n 个问题需要查看；你可以继续，稍后再修复。</numerusform>
        </translation>
    </message>
    <message>
        <source>Server check</source>
        <translation>服务器检查</translation>
    </message>
    <message>
        <source>Postwr looks at the server before changing anything: its system, memory and disk, its addresses and their reverse DNS, and whether mail can go in and out.</source>
        <translation>在做任何更改之前，Postwr 会先查看服务器：它的系统、内存和磁盘、地址及其反向 DNS，以及邮件能否进出。</translation>
    </message>
</context>
<context>
    <name>postwr::pages::SetupWizard</name>
    <message>
        <source>Postwr: your own mail server</source>
        <translation>Postwr：你自己的邮件服务器</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>完成(&amp;F)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>postwr::pages::StepRunView</name>
    <message>
        <source>Cancelled. Nothing is left half done: run the step again when you are ready.</source>
        <translation>已取消。不会留下做了一半的更改：准备好后请重新运行此步骤。</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>第 %1 步，共 %2 步：%3</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>取消(&amp;N)</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>postwr::pages::TestMailPage</name>
    <message>
        <source>The test message was delivered, signed.</source>
        <translation>测试邮件已送达，并已签名。</translation>
    </message>
    <message>
        <source>Add an account on the accounts page first.</source>
        <translation>请先在账户页面添加一个账户。</translation>
    </message>
    <message>
        <source>Enter the password of %1.</source>
        <translation>请输入 %1 的密码。</translation>
    </message>
    <message>
        <source>Enter an address to send to, such as your Gmail address.</source>
        <translation>请输入收件地址，例如你的 Gmail 地址。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an email address.</source>
        <translation>“%1”不是电子邮件地址。</translation>
    </message>
    <message>
        <source>Send a test message</source>
        <translation>发送测试邮件</translation>
    </message>
    <message>
        <source>One click sends a message from this computer through your server, the way Gmail or your mail program will, and follows it until the receiver has it. If anything is wrong, the report says what and what to do.</source>
        <translation>只需点击一下，就会从这台电脑经由你的服务器发送一封邮件，方式与 Gmail 或你的邮件程序发信时相同，并一路跟踪直到收件方收到。如果有任何问题，报告会说明问题所在以及该怎么做。</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>发件人(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>收件人(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Connection:</source>
        <translation>连接方式(&amp;C)：</translation>
    </message>
    <message>
        <source>you@gmail.com</source>
        <translation>you@gmail.com</translation>
    </message>
    <message>
        <source>&amp;Let the server check it itself (SPF, DKIM, DMARC; no mailbox needed)</source>
        <translation>让服务器自行检查（SPF、DKIM、DMARC；无需邮箱）(&amp;L)</translation>
    </message>
    <message>
        <source>Port %1, STARTTLS</source>
        <translation>端口 %1，STARTTLS</translation>
    </message>
    <message>
        <source>Port %1, TLS</source>
        <translation>端口 %1，TLS</translation>
    </message>
    <message>
        <source>&amp;Send test message</source>
        <translation>发送测试邮件(&amp;S)</translation>
    </message>
</context>
<context>
    <name>postwr::remote</name>
    <message>
        <source>The server did not let the command start: %1</source>
        <translation>服务器不允许该命令启动：%1</translation>
    </message>
    <message>
        <source>The connection to the server broke: %1</source>
        <translation>与服务器的连接已断开：%1</translation>
    </message>
    <message>
        <source>Cannot read the key file %1: %2.</source>
        <translation>无法读取密钥文件 %1：%2。</translation>
    </message>
    <message>
        <source>The key file %1 is protected by a passphrase. Enter the passphrase.</source>
        <translation>密钥文件 %1 受密码短语保护。请输入密码短语。</translation>
    </message>
    <message>
        <source>Wrong passphrase for the key file %1.</source>
        <translation>密钥文件 %1 的密码短语错误。</translation>
    </message>
    <message>
        <source>%1 is not a private key Postwr can use. Choose the private key file (such as id_ed25519), not the .pub file.</source>
        <translation>%1 不是 Postwr 可以使用的私钥。请选择私钥文件（例如 id_ed25519），而不是 .pub 文件。</translation>
    </message>
    <message>
        <source>%1 refused the connection on port %2. Check the port, and that the SSH server is running.</source>
        <translation>%1 拒绝了端口 %2 上的连接。请检查端口，以及 SSH 服务器是否在运行。</translation>
    </message>
    <message>
        <source>No answer from %1 on port %2 within %3 seconds. Check the address and the port, and that no firewall blocks SSH.</source>
        <translation>%1 在 %3 秒内未在端口 %2 上响应。请检查地址和端口，并确认没有防火墙阻止 SSH。</translation>
    </message>
    <message>
        <source>The host name %1 was not found. Check it for typos, or use the server&apos;s IP address.</source>
        <translation>找不到主机名 %1。请检查是否有拼写错误，或改用服务器的 IP 地址。</translation>
    </message>
    <message>
        <source>%1 cannot be reached from this computer. Check your network connection and the address.</source>
        <translation>从这台电脑无法访问 %1。请检查你的网络连接和地址。</translation>
    </message>
    <message>
        <source>Cannot connect to %1 on port %2: %3</source>
        <translation>无法连接到 %1 的端口 %2：%3</translation>
    </message>
    <message>
        <source>The server sent no host key: %1</source>
        <translation>服务器没有发送主机密钥：%1</translation>
    </message>
    <message>
        <source>Cannot compute the server&apos;s key fingerprint.</source>
        <translation>无法计算服务器密钥的指纹。</translation>
    </message>
    <message>
        <source>Cannot read the list of trusted servers %1: %2</source>
        <translation>无法读取受信任服务器列表 %1：%2</translation>
    </message>
    <message>
        <source>Cannot start an SSH session: out of memory.</source>
        <translation>无法启动 SSH 会话：内存不足。</translation>
    </message>
    <message>
        <source>The server&apos;s identity changed: %1 port %2 now shows the key %3, not the one you trusted before. This can mean an attack. If you reinstalled the server, remove its old entry from %4; otherwise do not connect.</source>
        <translation>服务器的身份已改变：%1 端口 %2 现在出示的密钥是 %3，而不是你之前信任的那个。这可能意味着攻击。如果你重装了服务器，请从 %4 中删除它的旧条目；否则不要连接。</translation>
    </message>
    <message>
        <source>Not connected to a server.</source>
        <translation>未连接到服务器。</translation>
    </message>
    <message>
        <source>Cannot save the trusted server in %1: %2</source>
        <translation>无法在 %1 中保存受信任的服务器：%2</translation>
    </message>
    <message>
        <source>Confirm the server&apos;s fingerprint before logging in.</source>
        <translation>登录前请确认服务器的指纹。</translation>
    </message>
    <message>
        <source>The server wants a second way of logging in after this one for user %1 (AuthenticationMethods in its sshd_config). Postwr logs in with one: a key, or a password.</source>
        <translation>对用户 %1，服务器在此之后还要求第二种登录方式（其 sshd_config 中的 AuthenticationMethods）。Postwr 只用一种方式登录：密钥或密码。</translation>
    </message>
    <message>
        <source>The connection to %1 broke during login: %2</source>
        <translation>登录期间与 %1 的连接断开：%2</translation>
    </message>
    <message>
        <source>The server refused the login of user %1.</source>
        <translation>服务器拒绝了用户 %1 的登录。</translation>
    </message>
    <message>
        <source>The server does not accept key login for user %1. Choose password login.</source>
        <translation>服务器不接受用户 %1 的密钥登录。请选择密码登录。</translation>
    </message>
    <message>
        <source>No SSH agent is running for you (SSH_AUTH_SOCK is not set). Start one and add your key with ssh-add, or choose a key file.</source>
        <translation>你没有正在运行的 SSH 代理（未设置 SSH_AUTH_SOCK）。请启动一个并用 ssh-add 添加你的密钥，或选择一个密钥文件。</translation>
    </message>
    <message>
        <source>The server accepted none of the keys in your SSH agent for user %1. Add the right key with ssh-add, or choose a key file.</source>
        <translation>对用户 %1，服务器不接受你的 SSH 代理中的任何密钥。请用 ssh-add 添加正确的密钥，或选择一个密钥文件。</translation>
    </message>
    <message>
        <source>The server refused the key %1 for user %2. Check that its public key is in ~/.ssh/authorized_keys of %2 on the server.</source>
        <translation>服务器拒绝了用户 %2 的密钥 %1。请检查其公钥是否在服务器上 %2 的 ~/.ssh/authorized_keys 中。</translation>
    </message>
    <message>
        <source>The server does not accept password login for user %1. Choose a key.</source>
        <translation>服务器不接受用户 %1 的密码登录。请选择密钥。</translation>
    </message>
    <message>
        <source>The server refused the password for user %1.</source>
        <translation>服务器拒绝了用户 %1 的密码。</translation>
    </message>
    <message>
        <source>At login the server asks &quot;%1&quot;, which Postwr cannot answer. Use a key instead.</source>
        <translation>登录时服务器询问“%1”，Postwr 无法回答。请改用密钥。</translation>
    </message>
    <message>
        <source>Not logged in to %1.</source>
        <translation>未登录到 %1。</translation>
    </message>
    <message>
        <source>Cannot find out whether user %1 is root (id -u failed): %2</source>
        <translation>无法确定用户 %1 是否为 root（id -u 失败）：%2</translation>
    </message>
    <message>
        <source>The server does not offer file transfer (SFTP): %1. Install openssh-sftp-server, or check the Subsystem line of sshd_config.</source>
        <translation>服务器不提供文件传输（SFTP）：%1。请安装 openssh-sftp-server，或检查 sshd_config 中的 Subsystem 行。</translation>
    </message>
    <message>
        <source>%1 does not exist on the server.</source>
        <translation>服务器上不存在 %1。</translation>
    </message>
    <message>
        <source>User %1 has no permission for %2 on the server.</source>
        <translation>用户 %1 在服务器上没有访问 %2 的权限。</translation>
    </message>
    <message>
        <source>File transfer of %1 failed: %2</source>
        <translation>%1 的文件传输失败：%2</translation>
    </message>
    <message>
        <source>Cannot put %1 in place: %2</source>
        <translation>无法将 %1 放到位：%2</translation>
    </message>
    <message>
        <source>Writing %1 as root took too long and was stopped.</source>
        <translation>以 root 身份写入 %1 耗时过长，已被停止。</translation>
    </message>
    <message>
        <source>Cannot write %1 as root: %2</source>
        <translation>无法以 root 身份写入 %1：%2</translation>
    </message>
    <message>
        <source>%1 is larger than %2 bytes, too large to read.</source>
        <translation>%1 大于 %2 字节，太大无法读取。</translation>
    </message>
    <message>
        <source>Commands as root need sudo here, and sudo asks for the password of user %1. Enter that password and try again.</source>
        <translation>此处以 root 身份执行命令需要 sudo，而 sudo 要求输入用户 %1 的密码。请输入该密码后重试。</translation>
    </message>
    <message>
        <source>sudo did not accept the password of user %1. Check it and try again.</source>
        <translation>sudo 没有接受用户 %1 的密码。请检查后重试。</translation>
    </message>
    <message>
        <source>User %1 may not use sudo on this server. Log in as root, or ask the server&apos;s administrator to allow sudo for %1.</source>
        <translation>用户 %1 不能在此服务器上使用 sudo。请以 root 登录，或请服务器管理员允许 %1 使用 sudo。</translation>
    </message>
    <message>
        <source>sudo is not installed on this server. Log in as root, or install sudo as root first.</source>
        <translation>此服务器上没有安装 sudo。请以 root 登录，或先以 root 安装 sudo。</translation>
    </message>
    <message>
        <source>sudo did not run the command: %1</source>
        <translation>sudo 没有运行该命令：%1</translation>
    </message>
</context>
<context>
    <name>postwr::sandbox::Sandbox</name>
    <message>
        <source>%1 is not empty and is no sandbox of postwr: choose another --sandbox-dir, or empty it.</source>
        <translation>%1 不是空的，也不是 postwr 的沙盒：请另选一个 --sandbox-dir，或者清空它。</translation>
    </message>
    <message>
        <source>Cannot remove the previous sandbox %1.</source>
        <translation>无法删除之前的沙盒 %1。</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>无法创建 %1。</translation>
    </message>
    <message>
        <source>Cannot write in %1.</source>
        <translation>无法在 %1 中写入。</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Starting the DNS server (dnsmasq) for sandbox.test and gmail.test</source>
        <translation>正在为 sandbox.test 和 gmail.test 启动 DNS 服务器（dnsmasq）</translation>
    </message>
    <message>
        <source>DNS: 127.0.0.1 port %1</source>
        <translation>DNS：127.0.0.1 端口 %1</translation>
    </message>
    <message>
        <source>Starting the receiver standing in for Gmail (postwrd for gmail.test)</source>
        <translation>正在启动代替 Gmail 的收件服务器（用于 gmail.test 的 postwrd）</translation>
    </message>
    <message>
        <source>Receiver: %1 on 127.0.0.1 port %2, mail lands in %3</source>
        <translation>收件服务器：%1，位于 127.0.0.1 端口 %2，邮件存放在 %3</translation>
    </message>
    <message>
        <source>Starting the SSH server (sshd) standing in for the VPS</source>
        <translation>正在启动代替 VPS 的 SSH 服务器（sshd）</translation>
    </message>
    <message>
        <source>SSH: %1@127.0.0.1 port %2, host key %3</source>
        <translation>SSH：%1@127.0.0.1 端口 %2，主机密钥 %3</translation>
    </message>
    <message>
        <source>No free TCP port on 127.0.0.1.</source>
        <translation>127.0.0.1 上没有空闲的 TCP 端口。</translation>
    </message>
    <message>
        <source>The sandbox&apos;s plan is not valid: %1</source>
        <translation>沙盒的计划无效：%1</translation>
    </message>
    <message>
        <source>%1 (shown only now, keep it safe): %2</source>
        <translation>%1（仅此一次显示，请妥善保管）：%2</translation>
    </message>
    <message>
        <source>The SSH server on port %1 is not the sandbox&apos;s: its host key is %2.</source>
        <translation>端口 %1 上的 SSH 服务器不属于沙盒：它的主机密钥是 %2。</translation>
    </message>
    <message>
        <source>%1 failed on the server: %2</source>
        <translation>%1 在服务器上失败：%2</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>exit status %1</source>
        <translation>退出状态 %1</translation>
    </message>
    <message>
        <source>The DNS records sandbox.test needs (postwrd dns records, over SSH)</source>
        <translation>sandbox.test 所需的 DNS 记录（postwrd dns records，通过 SSH）</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>[problem] The test message from %1 did not reach %2.</source>
        <translation>[问题] 来自 %1 的测试邮件没有送达 %2。</translation>
    </message>
    <message>
        <source>[good] The test message from %1 reached %2: %3</source>
        <translation>[良好] 来自 %1 的测试邮件已送达 %2：%3</translation>
    </message>
    <message>
        <source>[problem] Mail to %1 did not reach %2 by the catch-all.</source>
        <translation>[问题] 发往 %1 的邮件没有通过通配转发（catch-all）送达 %2。</translation>
    </message>
    <message>
        <source>[good] Mail to %1 reached %2 by the catch-all (%3).</source>
        <translation>[良好] 发往 %1 的邮件已通过通配转发送达 %2（%3）。</translation>
    </message>
    <message>
        <source>The sandbox works: mail from your server arrives signed, and the receiver trusts it.</source>
        <translation>沙盒运行正常：来自你服务器的邮件带着签名送达，收件方也信任它。</translation>
    </message>
    <message>
        <source>postwr: the test message did not arrive with a passing DKIM signature; the logs are in %1.</source>
        <translation>postwr：测试邮件送达时没有通过校验的 DKIM 签名；日志位于 %1。</translation>
    </message>
    <message>
        <source>Stopping the sandbox</source>
        <translation>正在停止沙盒</translation>
    </message>
    <message>
        <source>Stopped. Configs and logs stay in %1 until the next run.</source>
        <translation>已停止。配置和日志会保留在 %1 中，直到下次运行。</translation>
    </message>
    <message>
        <source>Postwr sandbox in %1: a VPS, a DNS server and a receiving mail server, on this machine&apos;s loopback</source>
        <translation>位于 %1 的 Postwr 沙盒：一个 VPS、一个 DNS 服务器和一个收件邮件服务器，均运行在本机的回环地址上</translation>
    </message>
    <message>
        <source>postwr: %1</source>
        <translation>postwr：%1</translation>
    </message>
    <message>
        <source>interrupted.</source>
        <translation>已中断。</translation>
    </message>
    <message>
        <source>Publishing SPF, DKIM and DMARC in the sandbox&apos;s DNS (dnsmasq restarted)</source>
        <translation>正在沙盒的 DNS 中发布 SPF、DKIM 和 DMARC（dnsmasq 已重启）</translation>
    </message>
    <message>
        <source>[problem] %1</source>
        <translation>[问题] %1</translation>
    </message>
    <message>
        <source>postwrd&apos;s DNS records are not the JSON expected: %1</source>
        <translation>postwrd 的 DNS 记录不是预期的 JSON 格式：%1</translation>
    </message>
    <message>
        <source>postwrd&apos;s DNS record %1 has no name or no text.</source>
        <translation>postwrd 的 DNS 记录 %1 缺少名称或文本。</translation>
    </message>
    <message>
        <source>postwrd&apos;s DNS records lack SPF, DKIM or DMARC: did the DKIM step run?</source>
        <translation>postwrd 的 DNS 记录缺少 SPF、DKIM 或 DMARC：DKIM 步骤运行过了吗？</translation>
    </message>
    <message>
        <source>The MX record of %1 is not &quot;PREFERENCE HOST&quot;: %2</source>
        <translation>%1 的 MX 记录不是 &quot;PREFERENCE HOST&quot; 格式：%2</translation>
    </message>
    <message>
        <source>The TXT record of %1 cannot be served by dnsmasq: %2</source>
        <translation>dnsmasq 无法提供 %1 的 TXT 记录：%2</translation>
    </message>
    <message>
        <source>The sandbox&apos;s DNS serves no %1 records, as %2 would need.</source>
        <translation>沙盒的 DNS 没有提供 %2 所需的 %1 记录。</translation>
    </message>
    <message>
        <source>No free UDP and TCP port on 127.0.0.1.</source>
        <translation>127.0.0.1 上没有同时空闲的 UDP 和 TCP 端口。</translation>
    </message>
    <message>
        <source>dnsmasq is missing: apt-get install dnsmasq-base</source>
        <translation>缺少 dnsmasq：apt-get install dnsmasq-base</translation>
    </message>
    <message>
        <source>Cannot start dnsmasq: %1</source>
        <translation>无法启动 dnsmasq：%1</translation>
    </message>
    <message>
        <source>dnsmasq on 127.0.0.1 port %1 does not answer: %2</source>
        <translation>127.0.0.1 端口 %1 上的 dnsmasq 没有响应：%2</translation>
    </message>
    <message>
        <source>%1: cannot start %2: %3</source>
        <translation>%1：无法启动 %2：%3</translation>
    </message>
    <message>
        <source>%1: %2 did not finish within %3 seconds.</source>
        <translation>%1：%2 未在 %3 秒内完成。</translation>
    </message>
    <message>
        <source>%1: %2 failed (exit status %3): %4</source>
        <translation>%1：%2 失败（退出状态 %3）：%4</translation>
    </message>
    <message>
        <source>no message</source>
        <translation>无信息</translation>
    </message>
    <message>
        <source>Cannot write the receiver&apos;s configuration in %1.</source>
        <translation>无法在 %1 中写入收件服务器的配置。</translation>
    </message>
    <message>
        <source>Adding the receiver&apos;s account</source>
        <translation>正在添加收件服务器的账户</translation>
    </message>
    <message>
        <source>Making the receiver&apos;s certificate</source>
        <translation>正在生成收件服务器的证书</translation>
    </message>
    <message>
        <source>Checking the receiver&apos;s configuration</source>
        <translation>正在检查收件服务器的配置</translation>
    </message>
    <message>
        <source>Cannot start the receiver: %1</source>
        <translation>无法启动收件服务器：%1</translation>
    </message>
    <message>
        <source>The receiver did not start; its log %1 says: %2</source>
        <translation>收件服务器没有启动；它的日志 %1 显示：%2</translation>
    </message>
    <message>
        <source>ssh-keygen is missing: apt-get install openssh-client</source>
        <translation>缺少 ssh-keygen：apt-get install openssh-client</translation>
    </message>
    <message>
        <source>Making the key %1</source>
        <translation>正在生成密钥 %1</translation>
    </message>
    <message>
        <source>Reading the host key&apos;s fingerprint</source>
        <translation>正在读取主机密钥的指纹</translation>
    </message>
    <message>
        <source>ssh-keygen -lf printed no SHA256 fingerprint: %1</source>
        <translation>ssh-keygen -lf 没有输出 SHA256 指纹：%1</translation>
    </message>
    <message>
        <source>%1 is missing: apt-get install openssh-server</source>
        <translation>缺少 %1：apt-get install openssh-server</translation>
    </message>
    <message>
        <source>Cannot create /run/sshd, which sshd needs.</source>
        <translation>无法创建 sshd 所需的 /run/sshd。</translation>
    </message>
    <message>
        <source>Cannot start sshd: %1</source>
        <translation>无法启动 sshd：%1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>sshd did not start; its log %1 says: %2</source>
        <translation>sshd 没有启动；它的日志 %1 显示：%2</translation>
    </message>
</context>
<context>
    <name>postwr::servers::SecretStore</name>
    <message>
        <source>The keyring refused: %1. Is a keyring (GNOME Keyring, KWallet) running and unlocked?</source>
        <translation>密钥环拒绝了请求：%1。是否有密钥环（GNOME Keyring、KWallet）正在运行并已解锁？</translation>
    </message>
</context>
<context>
    <name>postwr::steps::AccountsStep</name>
    <message>
        <source>The password of %1 should be in the environment variable %2, which is not set.</source>
        <translation>%1 的密码应在环境变量 %2 中，但该变量未设置。</translation>
    </message>
    <message>
        <source>The password of %1 is too short: use at least 8 characters, or let Postwr generate one.</source>
        <translation>%1 的密码太短：请至少使用 8 个字符，或让 Postwr 生成一个。</translation>
    </message>
    <message>
        <source>Remove the account %1</source>
        <translation>删除账户 %1</translation>
    </message>
    <message>
        <source>Add the account %1 with a generated password</source>
        <translation>添加账户 %1，使用生成的密码</translation>
    </message>
    <message>
        <source>Change the password of %1</source>
        <translation>更改 %1 的密码</translation>
    </message>
    <message>
        <source>Add the account %1</source>
        <translation>添加账户 %1</translation>
    </message>
    <message>
        <source>Listing the accounts</source>
        <translation>正在列出账户</translation>
    </message>
    <message>
        <source>Adding %1</source>
        <translation>正在添加 %1</translation>
    </message>
    <message>
        <source>postwrd made no password for %1.</source>
        <translation>postwrd 没有为 %1 生成密码。</translation>
    </message>
    <message>
        <source>Checking the password of %1</source>
        <translation>正在检查 %1 的密码</translation>
    </message>
    <message>
        <source>Checking the password of %1 failed: %2</source>
        <translation>检查 %1 的密码失败：%2</translation>
    </message>
    <message>
        <source>Sender accounts</source>
        <translation>发件账户</translation>
    </message>
    <message>
        <source>%1: as planned already.</source>
        <translation>%1：已符合计划。</translation>
    </message>
    <message>
        <source>Password of %1</source>
        <translation>%1 的密码</translation>
    </message>
    <message>
        <source>Setting the password of %1</source>
        <translation>正在设置 %1 的密码</translation>
    </message>
    <message>
        <source>Removing %1</source>
        <translation>正在删除 %1</translation>
    </message>
</context>
<context>
    <name>postwr::steps::AcmeAdvice</name>
    <message>
        <source>Let&apos;s Encrypt&apos;s rate limit was reached for %1 (at most 5 certificates for the same names a week, and 5 failed tries an hour). Wait and try again later; the self-signed certificate stays in use until then.</source>
        <translation>%1 已达到 Let&apos;s Encrypt 的速率限制（同一组名称每周最多 5 张证书，每小时最多 5 次失败尝试）。请稍后再试；在此之前继续使用自签名证书。</translation>
    </message>
    <message>
        <source>Let&apos;s Encrypt could not find %1 in DNS yet. Add its A (and AAAA) record with this server&apos;s address on the DNS page, wait a few minutes for it to spread, and try again.</source>
        <translation>Let&apos;s Encrypt 还无法在 DNS 中找到 %1。请在 DNS 页面添加它的 A（以及 AAAA）记录，填入这台服务器的地址，等待几分钟让记录传播开来，然后重试。</translation>
    </message>
    <message>
        <source>Port %1 on the server is taken by another program (a web server?). Stop it for a moment, or choose the DNS method, and try again.</source>
        <translation>服务器上的端口 %1 被另一个程序占用（是网页服务器吗？）。请暂时停止它，或者选择 DNS 验证方式，然后重试。</translation>
    </message>
    <message>
        <source>Let&apos;s Encrypt could not reach %1 on port %2: a firewall (the server&apos;s, or your hosting provider&apos;s) blocks it. Open TCP port %2 to the internet for a moment, or choose the DNS method.</source>
        <translation>Let&apos;s Encrypt 无法通过端口 %2 连接到 %1：有防火墙（服务器自身的，或主机服务商的）阻止了它。请暂时向互联网开放 TCP 端口 %2，或者选择 DNS 验证方式。</translation>
    </message>
    <message>
        <source>Let&apos;s Encrypt reached %1 but another server answered: the A or AAAA record of %1 points somewhere else. Make it point to this server and try again.</source>
        <translation>Let&apos;s Encrypt 访问了 %1，但应答的是另一台服务器：%1 的 A 或 AAAA 记录指向了别处。请让它指向这台服务器，然后重试。</translation>
    </message>
    <message>
        <source>The server could not reach the certificate authority securely (its certificate was not trusted): %1</source>
        <translation>服务器无法安全地连接到证书颁发机构（对方的证书不受信任）：%1</translation>
    </message>
    <message>
        <source>The server could not reach the certificate authority: it needs outbound HTTPS. %1</source>
        <translation>服务器无法连接到证书颁发机构：它需要能发起出站 HTTPS 连接。%1</translation>
    </message>
    <message>
        <source>certbot could not get the certificate: %1</source>
        <translation>certbot 无法获取证书：%1</translation>
    </message>
    <message>
        <source>Cloudflare refused the API token. Make a token with the permission Zone, DNS, Edit for the zone of %1 in Cloudflare&apos;s dashboard (My Profile, API Tokens) and give it here.</source>
        <translation>Cloudflare 拒绝了该 API 令牌。请在 Cloudflare 仪表板的 My Profile, API Tokens（我的个人资料、API 令牌）中，为 %1 所在的区域创建一个拥有 Zone, DNS, Edit（区域、DNS、编辑）权限的令牌，然后填到这里。</translation>
    </message>
    <message>
        <source>The Cloudflare API token cannot see the zone of %1: give the token access to that zone, or check that the domain is on this Cloudflare account.</source>
        <translation>该 Cloudflare API 令牌看不到 %1 所在的区域：请授予该令牌访问这个区域的权限，或者检查该域名是否在这个 Cloudflare 账户中。</translation>
    </message>
</context>
<context>
    <name>postwr::steps::BackupArchive</name>
    <message>
        <source>unknown error</source>
        <translation>未知错误</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a Postwr backup: it holds &quot;%2&quot;, which a backup never does.</source>
        <translation>%1 不是 Postwr 备份：其中含有“%2”，而备份中绝不会有这样的内容。</translation>
    </message>
    <message>
        <source>%1 is not a Postwr backup: it is far too large.</source>
        <translation>%1 不是 Postwr 备份：它远远超出了备份应有的大小。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a Postwr backup: it has no postwrd.conf.</source>
        <translation>%1 不是 Postwr 备份：其中没有 postwrd.conf。</translation>
    </message>
</context>
<context>
    <name>postwr::steps::BackupStep</name>
    <message>
        <source>postwrd&apos;s backup status is not JSON: %1</source>
        <translation>postwrd 返回的备份状态不是 JSON：%1</translation>
    </message>
    <message>
        <source>Reading the backup&apos;s state</source>
        <translation>正在读取备份状态</translation>
    </message>
    <message>
        <source>Looking for git</source>
        <translation>正在查找 git</translation>
    </message>
    <message>
        <source>git is not installed on the server, and without root Postwr cannot install it: ask for the packages git and openssh-client.</source>
        <translation>服务器上没有安装 git，而没有 root 权限 Postwr 无法安装它：请让管理员安装软件包 git 和 openssh-client。</translation>
    </message>
    <message>
        <source>Installing git</source>
        <translation>正在安装 git</translation>
    </message>
    <message>
        <source>Keeping the configuration in git</source>
        <translation>正在用 git 保存配置</translation>
    </message>
    <message>
        <source>Setting the remote %1</source>
        <translation>正在设置远程仓库 %1</translation>
    </message>
    <message>
        <source>Pushing the backup</source>
        <translation>正在推送备份</translation>
    </message>
    <message>
        <source>Not backed up yet: if the server is lost, its accounts, forwarding and DKIM key are lost with it.</source>
        <translation>尚未备份：如果服务器丢失，它的账户、转发设置和 DKIM 密钥也会随之丢失。</translation>
    </message>
    <message numerus="yes">
        <source>The last change kept: &quot;%1&quot;, %2 (%n change(s) in all).</source>
        <translation>
            <numerusform>最近保存的更改：“%1”（%2），共 %n 次更改。</numerusform>
        </translation>
    </message>
    <message>
        <source>Secrets are encrypted with your passphrase.</source>
        <translation>机密已用你的密码短语加密。</translation>
    </message>
    <message>
        <source>Secrets are not encrypted: keep the repository private.</source>
        <translation>机密未加密：请确保仓库保持私有。</translation>
    </message>
    <message>
        <source>It is kept on the server only: give a git remote, so that a copy lives elsewhere.</source>
        <translation>备份只保存在服务器上：请提供一个 git 远程仓库，以便在别处也保存一份副本。</translation>
    </message>
    <message>
        <source>Not pushed to %1 yet.</source>
        <translation>尚未推送到 %1。</translation>
    </message>
    <message>
        <source>The last push to %1 failed (%2): %3. The changes are kept on the server and go with the next push.</source>
        <translation>上次推送到 %1 失败（%2）：%3。这些更改保存在服务器上，会在下次推送时一并发送。</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not pushed to %1 yet.</source>
        <translation>
            <numerusform>还有 %n 次更改尚未推送到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Pushed to %1, %2.</source>
        <translation>已于 %2 推送到 %1。</translation>
    </message>
    <message>
        <source>Back up the configuration</source>
        <translation>备份配置</translation>
    </message>
    <message>
        <source>Keep the configuration in git, secrets encrypted with your passphrase</source>
        <translation>用 git 保存配置，机密用你的密码短语加密</translation>
    </message>
    <message>
        <source>Keep the configuration in git, secrets unencrypted</source>
        <translation>用 git 保存配置，机密不加密</translation>
    </message>
    <message>
        <source>Push it to %1 with a deploy key of the server&apos;s own</source>
        <translation>使用服务器自己的部署密钥推送到 %1</translation>
    </message>
    <message>
        <source>Push it to %1</source>
        <translation>推送到 %1</translation>
    </message>
    <message>
        <source>The backup&apos;s passphrase should be in the environment variable %1, which is not set.</source>
        <translation>备份的密码短语应在环境变量 %1 中，但该变量未设置。</translation>
    </message>
    <message numerus="yes">
        <source>The configuration is kept in git already (%n commit(s)).</source>
        <translation>
            <numerusform>配置已经用 git 保存（%n 次提交）。</numerusform>
        </translation>
    </message>
    <message>
        <source>The server&apos;s deploy key, to allow with write access on %1:</source>
        <translation>服务器的部署密钥，请在 %1 上授予它写入权限：</translation>
    </message>
    <message>
        <source>The configuration is pushed to %1.</source>
        <translation>配置已推送到 %1。</translation>
    </message>
</context>
<context>
    <name>postwr::steps::DkimStep</name>
    <message>
        <source>Line %1 of postwrd&apos;s key list is not &quot;domain, selector, key, record name, record&quot;: %2</source>
        <translation>postwrd 密钥列表的第 %1 行不符合“域名、选择器、密钥、记录名、记录”的格式：%2</translation>
    </message>
    <message>
        <source>Listing the DKIM keys</source>
        <translation>正在列出 DKIM 密钥</translation>
    </message>
    <message>
        <source>DKIM signing keys</source>
        <translation>DKIM 签名密钥</translation>
    </message>
    <message>
        <source>Make a DKIM signing key for %1</source>
        <translation>为 %1 生成 DKIM 签名密钥</translation>
    </message>
    <message>
        <source>Making a DKIM key for %1</source>
        <translation>正在为 %1 生成 DKIM 密钥</translation>
    </message>
    <message>
        <source>%1 signs with %2 (%3). Publish this TXT record:</source>
        <translation>%1 使用 %2（%3）签名。请发布这条 TXT 记录：</translation>
    </message>
</context>
<context>
    <name>postwr::steps::DnsCheckStep</name>
    <message>
        <source>Looking up the server&apos;s addresses</source>
        <translation>正在查找服务器的地址</translation>
    </message>
    <message>
        <source>The server has no public address of its own (it may be behind NAT): put its public addresses in the plan as dns.ipv4 and dns.ipv6.</source>
        <translation>服务器自己没有公网地址（可能在 NAT 之后）：请把它的公网地址写入计划的 dns.ipv4 和 dns.ipv6。</translation>
    </message>
    <message>
        <source>Reading the records %1 needs</source>
        <translation>正在读取 %1 所需的记录</translation>
    </message>
    <message>
        <source>Check the DNS records</source>
        <translation>检查 DNS 记录</translation>
    </message>
    <message>
        <source>Asking DNS about %1:</source>
        <translation>正在向 DNS 查询 %1：</translation>
    </message>
    <message>
        <source>: found %1</source>
        <translation>：实际为 %1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) that receivers need are missing or wrong.</source>
        <translation>
            <numerusform>收件方需要的记录中有 %n 条缺失或有误。</numerusform>
        </translation>
    </message>
    <message>
        <source>Every record receivers need is published correctly.</source>
        <translation>收件方需要的每条记录都已正确发布。</translation>
    </message>
    <message>
        <source>Asking the blocklists about the server&apos;s addresses</source>
        <translation>正在向黑名单查询服务器的地址</translation>
    </message>
    <message numerus="yes">
        <source>The server is on %n blocklist(s).</source>
        <translation>
            <numerusform>服务器被列入了 %n 个黑名单。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>postwr::steps::DownloadBackupStep</name>
    <message>
        <source>Download the backup</source>
        <translation>下载备份</translation>
    </message>
    <message>
        <source>Save %1 in %2</source>
        <translation>将 %1 保存到 %2</translation>
    </message>
    <message>
        <source>The backup is saved in %1.</source>
        <translation>备份已保存到 %1。</translation>
    </message>
</context>
<context>
    <name>postwr::steps::ForwardingStep</name>
    <message>
        <source>Reading %1</source>
        <translation>正在读取 %1</translation>
    </message>
    <message>
        <source>The forwarding of %1 is not valid: %2</source>
        <translation>%1 的转发设置无效：%2</translation>
    </message>
    <message>
        <source>The forwarding of %1@%2 runs a command, which Postwr does not allow.</source>
        <translation>%1@%2 的转发会运行一个命令，Postwr 不允许这样做。</translation>
    </message>
    <message>
        <source>Forwarding</source>
        <translation>转发</translation>
    </message>
    <message>
        <source>every other address @%1</source>
        <translation>@%1 的所有其他地址</translation>
    </message>
    <message>
        <source>Forward %1 to %2</source>
        <translation>将 %1 转发到 %2</translation>
    </message>
    <message>
        <source>The forwarding of %1 is as planned already.</source>
        <translation>%1 的转发已符合计划。</translation>
    </message>
    <message>
        <source>Keeping the previous forwarding</source>
        <translation>正在保留之前的转发设置</translation>
    </message>
    <message>
        <source>Giving the forwarding to postwr</source>
        <translation>正在把转发设置交给 postwr</translation>
    </message>
    <message>
        <source>Wrote the forwarding of %1.</source>
        <translation>已写入 %1 的转发设置。</translation>
    </message>
    <message>
        <source>Checking the configuration</source>
        <translation>正在检查配置</translation>
    </message>
</context>
<context>
    <name>postwr::steps::HostnameStep</name>
    <message>
        <source>Set the mail host name</source>
        <translation>设置邮件主机名</translation>
    </message>
    <message>
        <source>Change postwrd&apos;s host name from %1 to %2</source>
        <translation>将 postwrd 的主机名从 %1 改为 %2</translation>
    </message>
    <message>
        <source>postwrd&apos;s host name is already %1.</source>
        <translation>postwrd 的主机名已经是 %1。</translation>
    </message>
    <message>
        <source>Checking the configuration</source>
        <translation>正在检查配置</translation>
    </message>
    <message>
        <source>postwrd&apos;s host name is now %1.</source>
        <translation>postwrd 的主机名现在是 %1。</translation>
    </message>
</context>
<context>
    <name>postwr::steps::InstallFiles</name>
    <message>
        <source>The server&apos;s answer about the installation was cut short.</source>
        <translation>服务器关于安装情况的回答被截断了。</translation>
    </message>
</context>
<context>
    <name>postwr::steps::InstallStep</name>
    <message>
        <source>Looking at the current installation</source>
        <translation>正在查看当前的安装</translation>
    </message>
    <message>
        <source>Install postwrd</source>
        <translation>安装 postwrd</translation>
    </message>
    <message>
        <source>Stop and disable %1, which holds the mail ports</source>
        <translation>停止并禁用占用邮件端口的 %1</translation>
    </message>
    <message>
        <source>Create the system user postwr</source>
        <translation>创建系统用户 postwr</translation>
    </message>
    <message>
        <source>Upload postwrd to %1</source>
        <translation>上传 postwrd 到 %1</translation>
    </message>
    <message>
        <source>Upgrade postwrd in %1 (config, accounts and queue are kept)</source>
        <translation>就地升级 %1 中的 postwrd（保留配置、账户和队列）</translation>
    </message>
    <message>
        <source>Write the supervisor script %1</source>
        <translation>写入守护脚本 %1</translation>
    </message>
    <message>
        <source>Write the systemd unit %1</source>
        <translation>写入 systemd 单元 %1</translation>
    </message>
    <message>
        <source>Update %1 (host name, directories, ports)</source>
        <translation>更新 %1（主机名、目录、端口）</translation>
    </message>
    <message>
        <source>Write %1</source>
        <translation>写入 %1</translation>
    </message>
    <message>
        <source>Add the mail domain %1</source>
        <translation>添加邮件域名 %1</translation>
    </message>
    <message>
        <source>Make a self-signed certificate for %1 (until a real one is set up)</source>
        <translation>为 %1 生成自签名证书（在配置正式证书之前使用）</translation>
    </message>
    <message>
        <source>Start postwrd</source>
        <translation>启动 postwrd</translation>
    </message>
    <message>
        <source>Restart postwrd</source>
        <translation>重启 postwrd</translation>
    </message>
    <message>
        <source>Reload postwrd&apos;s configuration</source>
        <translation>重新加载 postwrd 的配置</translation>
    </message>
    <message>
        <source>Start postwrd at boot</source>
        <translation>开机时启动 postwrd</translation>
    </message>
    <message>
        <source>This build of Postwr carries no postwrd to install.</source>
        <translation>此版本的 Postwr 没有携带可安装的 postwrd。</translation>
    </message>
    <message>
        <source>postwrd is installed and running as planned: nothing to change.</source>
        <translation>postwrd 已按计划安装并在运行：无需更改。</translation>
    </message>
    <message>
        <source>%1 runs on this server and holds the mail ports. Postwr can stop and disable it: agree to that (install.stop_conflicting_mta in a plan file), or remove it yourself.</source>
        <translation>%1 正在此服务器上运行并占用邮件端口。Postwr 可以停止并禁用它：请同意这样做（计划文件中的 install.stop_conflicting_mta），或自行卸载它。</translation>
    </message>
    <message>
        <source>Stopping %1</source>
        <translation>正在停止 %1</translation>
    </message>
    <message>
        <source>Creating the user postwr</source>
        <translation>正在创建用户 postwr</translation>
    </message>
    <message>
        <source>Creating postwrd&apos;s directories</source>
        <translation>正在创建 postwrd 的目录</translation>
    </message>
    <message>
        <source>Uploading postwrd (%1 MB) to %2</source>
        <translation>正在上传 postwrd（%1 MB）到 %2</translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation>正在写入 %1</translation>
    </message>
    <message>
        <source>Telling systemd about the unit</source>
        <translation>正在通知 systemd 有关该单元</translation>
    </message>
    <message>
        <source>Keeping the previous configuration</source>
        <translation>正在保留之前的配置</translation>
    </message>
    <message>
        <source>Adding the mail domain %1</source>
        <translation>正在添加邮件域名 %1</translation>
    </message>
    <message>
        <source>Making a self-signed certificate</source>
        <translation>正在生成自签名证书</translation>
    </message>
    <message>
        <source>Checking the configuration</source>
        <translation>正在检查配置</translation>
    </message>
    <message>
        <source>Restoring the previous configuration</source>
        <translation>正在恢复之前的配置</translation>
    </message>
    <message>
        <source>Starting postwrd at boot</source>
        <translation>正在设置开机启动 postwrd</translation>
    </message>
    <message>
        <source>postwrd is installed and running.</source>
        <translation>postwrd 已安装并在运行。</translation>
    </message>
    <message>
        <source>Install git, which keeps the configuration&apos;s history for the backup</source>
        <translation>安装 git，用于为备份保存配置的历史记录</translation>
    </message>
</context>
<context>
    <name>postwr::steps::Ipv6Step</name>
    <message>
        <source>The server has no IPv6 address. If your provider assigned one (its control panel shows the address and the gateway), add it to /etc/netplan/50-cloud-init.yaml under your interface, e.g.
      addresses: [&quot;2001:db8:1234::2/64&quot;]
      routes: [{to: &quot;::/0&quot;, via: &quot;2001:db8:1234::1&quot;}]
then run `netplan apply`, and run this step again.</source>
        <translation>服务器没有 IPv6 地址。如果你的服务商分配了一个（其控制面板会显示地址和网关），请在 /etc/netplan/50-cloud-init.yaml 中你的网络接口下添加，例如
      addresses: [&quot;2001:db8:1234::2/64&quot;]
      routes: [{to: &quot;::/0&quot;, via: &quot;2001:db8:1234::1&quot;}]
然后运行 `netplan apply`，再重新运行此步骤。</translation>
    </message>
    <message>
        <source>Enable IPv6</source>
        <translation>启用 IPv6</translation>
    </message>
    <message>
        <source>Looking at IPv6</source>
        <translation>正在查看 IPv6</translation>
    </message>
    <message>
        <source>Comment out the line in %1 that switches IPv6 off (a copy is kept as %1.postwr-bak)</source>
        <translation>注释掉 %1 中关闭 IPv6 的那一行（副本保存为 %1.postwr-bak）</translation>
    </message>
    <message>
        <source>Switch IPv6 on, now and at every boot (%1)</source>
        <translation>立即并在每次开机时开启 IPv6（%1）</translation>
    </message>
    <message>
        <source>Switching IPv6 on</source>
        <translation>正在开启 IPv6</translation>
    </message>
    <message>
        <source>IPv6 is still switched off after the change; something else on the server switches it off again.</source>
        <translation>更改之后 IPv6 仍处于关闭状态；服务器上有其他东西又把它关闭了。</translation>
    </message>
    <message>
        <source>IPv6 is on.</source>
        <translation>IPv6 已开启。</translation>
    </message>
    <message>
        <source>IPv6 is on already.</source>
        <translation>IPv6 早已开启。</translation>
    </message>
    <message>
        <source>If the server had an IPv6 address configured, it comes back with `netplan apply` (or `systemctl restart networking`) or a reboot.</source>
        <translation>如果服务器原本配置了 IPv6 地址，运行 `netplan apply`（或 `systemctl restart networking`）或重启后它就会恢复。</translation>
    </message>
</context>
<context>
    <name>postwr::steps::PlanFile</name>
    <message>
        <source>line %1, column %2</source>
        <translation>第 %1 行，第 %2 列</translation>
    </message>
    <message>
        <source>unknown key; known here: %1</source>
        <translation>未知的键；此处已知的键有：%1</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>必须是字符串</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <source>must be a whole number from %1 to %2</source>
        <translation>必须是 %1 到 %2 之间的整数</translation>
    </message>
    <message>
        <source>must be an object { … }</source>
        <translation>必须是对象 { … }</translation>
    </message>
    <message>
        <source>must be a list [ … ] of strings</source>
        <translation>必须是字符串列表 [ … ]</translation>
    </message>
    <message>
        <source>missing: the SSH host, port and user to connect to</source>
        <translation>缺少：要连接的 SSH 主机、端口和用户</translation>
    </message>
    <message>
        <source>missing: the server&apos;s name or IP address</source>
        <translation>缺少：服务器的名称或 IP 地址</translation>
    </message>
    <message>
        <source>missing: the user to log in as, e.g. root</source>
        <translation>缺少：登录所用的用户，例如 root</translation>
    </message>
    <message>
        <source>must be &quot;agent&quot;, &quot;key&quot; or &quot;password&quot;</source>
        <translation>必须是 &quot;agent&quot;、&quot;key&quot; 或 &quot;password&quot;</translation>
    </message>
    <message>
        <source>missing: the private key file for &quot;auth&quot;: &quot;key&quot;</source>
        <translation>缺少：&quot;auth&quot;: &quot;key&quot; 所需的私钥文件</translation>
    </message>
    <message>
        <source>missing: the environment variable that holds the password for &quot;auth&quot;: &quot;password&quot;</source>
        <translation>缺少：&quot;auth&quot;: &quot;password&quot; 所需的、保存密码的环境变量</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an environment variable name (letters, digits and _)</source>
        <translation>“%1”不是环境变量名（只能含字母、数字和 _）</translation>
    </message>
    <message>
        <source>must be a SHA256 fingerprint as `ssh-keygen -lf` prints it: SHA256:…</source>
        <translation>必须是 `ssh-keygen -lf` 输出的 SHA256 指纹：SHA256:…</translation>
    </message>
    <message>
        <source>must be &quot;system&quot; or &quot;user&quot;</source>
        <translation>必须是 &quot;system&quot; 或 &quot;user&quot;</translation>
    </message>
    <message>
        <source>must be an absolute path or start with ~/</source>
        <translation>必须是绝对路径，或以 ~/ 开头</translation>
    </message>
    <message>
        <source>the three ports must differ</source>
        <translation>三个端口必须各不相同</translation>
    </message>
    <message>
        <source>a system install uses the standard ports 25, 587 and 465</source>
        <translation>系统安装使用标准端口 25、587 和 465</translation>
    </message>
    <message>
        <source>must be a list [ … ] of accounts</source>
        <translation>必须是账户列表 [ … ]</translation>
    </message>
    <message>
        <source>must be an object { &quot;email&quot;: … }</source>
        <translation>必须是对象 { &quot;email&quot;: … }</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an email address</source>
        <translation>“%1”不是电子邮件地址</translation>
    </message>
    <message>
        <source>%1 is not in one of the plan&apos;s domains (%2)</source>
        <translation>%1 不属于计划中的任何域名（%2）</translation>
    </message>
    <message>
        <source>give exactly one of &quot;password_env&quot;, &quot;generate&quot;: true or &quot;remove&quot;: true</source>
        <translation>请只给出 &quot;password_env&quot;、&quot;generate&quot;: true 或 &quot;remove&quot;: true 中的一个</translation>
    </message>
    <message>
        <source>not one of the plan&apos;s domains (%1)</source>
        <translation>不是计划中的域名（%1）</translation>
    </message>
    <message>
        <source>must be an object { &quot;local part or *&quot;: [addresses] }</source>
        <translation>必须是对象 { &quot;本地部分或 *&quot;: [地址] }</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a local part (the text before @)</source>
        <translation>“%1”不是本地部分（@ 之前的文本）</translation>
    </message>
    <message>
        <source>needs at least one address to forward to</source>
        <translation>至少需要一个转发目标地址</translation>
    </message>
    <message>
        <source>line 1, column 1: a plan is one JSON object { … }</source>
        <translation>第 1 行，第 1 列：计划必须是一个 JSON 对象 { … }</translation>
    </message>
    <message>
        <source>missing: the steps to run, from %1</source>
        <translation>缺少：要运行的步骤，可选：%1</translation>
    </message>
    <message>
        <source>unknown step &quot;%1&quot;; the steps are %2</source>
        <translation>未知步骤“%1”；可用的步骤有 %2</translation>
    </message>
    <message>
        <source>&quot;install&quot; and &quot;uninstall&quot; cannot be in one plan</source>
        <translation>&quot;install&quot; 和 &quot;uninstall&quot; 不能出现在同一个计划中</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name like mail.example.org</source>
        <translation>“%1”不是像 mail.example.org 这样的主机名</translation>
    </message>
    <message>
        <source>missing: the server&apos;s mail host name, e.g. mail.example.org</source>
        <translation>缺少：服务器的邮件主机名，例如 mail.example.org</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a domain like example.org</source>
        <translation>“%1”不是像 example.org 这样的域名</translation>
    </message>
    <message>
        <source>missing: the domains to receive mail for</source>
        <translation>缺少：要接收邮件的域名</translation>
    </message>
    <message>
        <source>must be HOST:PORT, e.g. gmail-smtp-in.l.google.com:25</source>
        <translation>必须是 HOST:PORT 形式，例如 gmail-smtp-in.l.google.com:25</translation>
    </message>
    <message>
        <source>must be &quot;starttls&quot; or &quot;tls&quot;</source>
        <translation>必须是 &quot;starttls&quot; 或 &quot;tls&quot;</translation>
    </message>
    <message>
        <source>missing or not an email address: the account that sends</source>
        <translation>缺少或不是电子邮件地址：用于发信的账户</translation>
    </message>
    <message>
        <source>missing: the environment variable that holds the password of %1</source>
        <translation>缺少：保存 %1 密码的环境变量</translation>
    </message>
    <message>
        <source>missing or not an email address: where the test message goes (or &quot;reflector&quot; for the server&apos;s self-check)</source>
        <translation>缺少或不是电子邮件地址：测试邮件的收件地址（或用 &quot;reflector&quot; 让服务器自检）</translation>
    </message>
    <message>
        <source>a setting is named &quot;key&quot; or &quot;section.key&quot;, in lower case</source>
        <translation>设置名须为 &quot;key&quot; 或 &quot;section.key&quot; 形式，且全部小写</translation>
    </message>
    <message>
        <source>set by the plan&apos;s own keys (hostname, install.listen, install.ports)</source>
        <translation>由计划自身的键设置（hostname、install.listen、install.ports）</translation>
    </message>
    <message>
        <source>must be a text, a whole number, true or false</source>
        <translation>必须是文本、整数、true 或 false</translation>
    </message>
    <message>
        <source>must be one line, not empty</source>
        <translation>必须是单独一行，且不能为空</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IPv4 address</source>
        <translation>“%1”不是 IPv4 地址</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IPv6 address</source>
        <translation>“%1”不是 IPv6 地址</translation>
    </message>
    <message>
        <source>must be one of %1, not &quot;%2&quot;</source>
        <translation>必须是 %1 之一，而不是“%2”</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a domain name (give the provider&apos;s SPF domain, e.g. _spf.google.com)</source>
        <translation>“%1”不是域名（请填写服务商的 SPF 域名，例如 _spf.google.com）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a domain name</source>
        <translation>“%1”不是域名</translation>
    </message>
    <message>
        <source>must be one of letsencrypt, existing, self-signed, not &quot;%1&quot;</source>
        <translation>必须是 letsencrypt、existing、self-signed 之一，而不是“%1”</translation>
    </message>
    <message>
        <source>must be an https:// address</source>
        <translation>必须是 https:// 地址</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address</source>
        <translation>“%1”不是 IP 地址</translation>
    </message>
    <message>
        <source>missing: the certificate file on the server</source>
        <translation>缺少：服务器上的证书文件</translation>
    </message>
    <message>
        <source>missing: the private key file on the server</source>
        <translation>缺少：服务器上的私钥文件</translation>
    </message>
    <message>
        <source>missing: the step tls needs the host name to certify</source>
        <translation>缺少：tls 步骤要为之签发证书的主机名</translation>
    </message>
    <message>
        <source>must be one of http, cloudflare, not &quot;%1&quot;</source>
        <translation>必须是 http、cloudflare 之一，而不是“%1”</translation>
    </message>
    <message>
        <source>missing: the environment variable that holds the Cloudflare API token</source>
        <translation>缺少：保存 Cloudflare API 令牌的环境变量</translation>
    </message>
    <message>
        <source>missing: the environment variable that holds the backup&apos;s passphrase</source>
        <translation>缺少：保存备份密码短语的环境变量</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not the SSH address of a git repository, like git@github.com:you/mail-config.git</source>
        <translation>“%1”不是 git 仓库的 SSH 地址（应形如 git@github.com:you/mail-config.git）</translation>
    </message>
    <message>
        <source>missing: the git remote (git@host:path.git) or the .tar.gz archive to restore from</source>
        <translation>缺少：要从中恢复的 git 远程仓库（git@host:path.git）或 .tar.gz 归档</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither the SSH address of a git repository nor a .tar.gz archive</source>
        <translation>“%1”既不是 git 仓库的 SSH 地址，也不是 .tar.gz 归档</translation>
    </message>
</context>
<context>
    <name>postwr::steps::PlanRunner</name>
    <message>
        <source>Connecting to %1</source>
        <translation>正在连接到 %1</translation>
    </message>
    <message>
        <source>The server&apos;s %1 host key has the fingerprint %2, not %3 as the plan says. Someone may be between you and the server; check the fingerprint on the server itself (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub).</source>
        <translation>服务器的 %1 主机密钥指纹是 %2，而不是计划中写的 %3。可能有人位于你和服务器之间；请在服务器本机上核对指纹（ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub）。</translation>
    </message>
    <message>
        <source>The server&apos;s host key has changed.</source>
        <translation>服务器的主机密钥已改变。</translation>
    </message>
    <message>
        <source>First contact with %1: its %2 host key has the fingerprint %3. If that is your server&apos;s (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on it shows it), put it in the plan as server.host_key.</source>
        <translation>首次连接 %1：它的 %2 主机密钥指纹是 %3。如果这确实是你的服务器的指纹（在服务器上运行 ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub 可以看到），请把它作为 server.host_key 写入计划。</translation>
    </message>
    <message>
        <source>Trusted the %1 host key %2, as the plan says.</source>
        <translation>已按计划信任 %1 主机密钥 %2。</translation>
    </message>
    <message>
        <source>The SSH password should be in the environment variable %1, which is not set.</source>
        <translation>SSH 密码应在环境变量 %1 中，但该变量未设置。</translation>
    </message>
    <message>
        <source>Logged in to %1.</source>
        <translation>已登录到 %1。</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>第 %1 步，共 %2 步：%3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Will: %1</source>
        <translation>将要：%1</translation>
    </message>
    <message>
        <source>Done: every step of the plan ran.</source>
        <translation>完成：计划中的每一步都已运行。</translation>
    </message>
</context>
<context>
    <name>postwr::steps::ProbeAdvice</name>
    <message>
        <source>another program</source>
        <translation>其他程序</translation>
    </message>
    <message>
        <source>an unknown system</source>
        <translation>未知系统</translation>
    </message>
    <message>
        <source>The server runs %1.</source>
        <translation>服务器运行的是 %1。</translation>
    </message>
    <message>
        <source>The server runs %1. Postwr is tested on Debian and Ubuntu; postwrd should work on any Linux, but the steps may need adjusting.</source>
        <translation>服务器运行的是 %1。Postwr 在 Debian 和 Ubuntu 上经过测试；postwrd 应该能在任何 Linux 上运行，但各步骤可能需要调整。</translation>
    </message>
    <message>
        <source>Its processor architecture is x86_64.</source>
        <translation>它的处理器架构是 x86_64。</translation>
    </message>
    <message>
        <source>Its processor architecture is %1, but the postwrd that Postwr carries is built for x86_64. Choose an x86_64 server, or build postwrd from source on this one.</source>
        <translation>它的处理器架构是 %1，但 Postwr 携带的 postwrd 是为 x86_64 构建的。请选择 x86_64 服务器，或在这台服务器上从源代码构建 postwrd。</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>systemd runs the services.</source>
        <translation>systemd 负责运行服务。</translation>
    </message>
    <message>
        <source>The server does not run systemd (PID 1 is %1), which a system install needs. Choose the user install instead.</source>
        <translation>服务器没有运行 systemd（PID 1 是 %1），而系统安装需要它。请改用用户安装。</translation>
    </message>
    <message>
        <source>No systemd here; the user install keeps postwrd running itself.</source>
        <translation>这里没有 systemd；用户安装会自行保持 postwrd 运行。</translation>
    </message>
    <message>
        <source>The server has %1 MiB of memory. postwrd needs about 10 MiB, but the system may be short of memory for anything else.</source>
        <translation>服务器有 %1 MiB 内存。postwrd 只需约 10 MiB，但系统做其他事情时可能内存不足。</translation>
    </message>
    <message>
        <source>%1 MiB of memory, %2 MiB available: plenty (postwrd needs about 10 MiB).</source>
        <translation>内存 %1 MiB，可用 %2 MiB：绰绰有余（postwrd 只需约 10 MiB）。</translation>
    </message>
    <message>
        <source>Only %1 MiB are free on the disk: free some space, the queue and the mailboxes need it.</source>
        <translation>磁盘上只有 %1 MiB 可用空间：请释放一些空间，队列和邮箱都需要它。</translation>
    </message>
    <message>
        <source>%1 MiB are free on the disk: enough to start, but mail with attachments fills it quickly.</source>
        <translation>磁盘上有 %1 MiB 可用空间：足够起步，但带附件的邮件会很快把它占满。</translation>
    </message>
    <message>
        <source>%1 MiB are free on the disk.</source>
        <translation>磁盘上有 %1 MiB 可用空间。</translation>
    </message>
    <message>
        <source>your mail host name</source>
        <translation>你的邮件主机名</translation>
    </message>
    <message>
        <source>%1 has no reverse DNS. Receivers like Gmail refuse mail from such addresses: set its PTR record to %2 in your provider&apos;s control panel.</source>
        <translation>%1 没有反向 DNS。Gmail 等收件方会拒收来自这类地址的邮件：请在服务商的控制面板中把它的 PTR 记录设为 %2。</translation>
    </message>
    <message>
        <source>The reverse DNS of %1 is %2, not %3: set its PTR record to %3 in your provider&apos;s control panel.</source>
        <translation>%1 的反向 DNS 是 %2，而不是 %3：请在服务商的控制面板中把它的 PTR 记录设为 %3。</translation>
    </message>
    <message>
        <source>The reverse DNS of %1 is %2.</source>
        <translation>%1 的反向 DNS 是 %2。</translation>
    </message>
    <message>
        <source>The server has no public IPv4 address on its network interfaces. Behind NAT, the provider must forward ports %1, %2 and %3 to it.</source>
        <translation>服务器的网络接口上没有公网 IPv4 地址。如果位于 NAT 之后，服务商必须把端口 %1、%2 和 %3 转发到它。</translation>
    </message>
    <message>
        <source>IPv6 is switched off (net.ipv6.conf.all.disable_ipv6 = 1). If your provider gave the server an IPv6 address, the step &quot;Enable IPv6&quot; switches it on.</source>
        <translation>IPv6 已被关闭（net.ipv6.conf.all.disable_ipv6 = 1）。如果你的服务商给服务器分配了 IPv6 地址，“启用 IPv6”步骤会把它打开。</translation>
    </message>
    <message>
        <source>The server has no public IPv6 address. Mail works without one; if your provider offers IPv6, configure it (the step &quot;Enable IPv6&quot; shows how).</source>
        <translation>服务器没有公网 IPv6 地址。没有它邮件也能工作；如果你的服务商提供 IPv6，请配置它（“启用 IPv6”步骤会说明方法）。</translation>
    </message>
    <message>
        <source>Cannot tell which programs listen on the mail ports: the server has no `ss` (package iproute2).</source>
        <translation>无法判断哪些程序在监听邮件端口：服务器上没有 `ss`（软件包 iproute2）。</translation>
    </message>
    <message>
        <source>Port %1 is free.</source>
        <translation>端口 %1 空闲。</translation>
    </message>
    <message>
        <source>Port %1 is postwrd&apos;s already.</source>
        <translation>端口 %1 已由 postwrd 使用。</translation>
    </message>
    <message>
        <source>Port %1 is taken by %2. Postwr can stop and disable it during the install, with your consent.</source>
        <translation>端口 %1 被 %2 占用。经你同意，Postwr 可以在安装时停止并禁用它。</translation>
    </message>
    <message>
        <source>%1 is installed. Only one mail server can have the mail ports; postwrd replaces it.</source>
        <translation>%1 已安装。只有一个邮件服务器能占用邮件端口；postwrd 会取代它。</translation>
    </message>
    <message>
        <source>Outbound port 25 is open: the server can deliver mail to other servers.</source>
        <translation>出站端口 25 是开放的：服务器可以把邮件投递到其他服务器。</translation>
    </message>
    <message>
        <source>Your provider blocks outbound port 25: the server cannot deliver mail to Gmail or anyone else. Ask your provider to open it (many do on request for new accounts).</source>
        <translation>你的服务商封锁了出站端口 25：服务器无法把邮件投递到 Gmail 或其他任何地方。请让服务商开放它（很多服务商会应新账户的请求开放）。</translation>
    </message>
    <message>
        <source>A test connection on port 25 was refused (%1). A firewall on the server or at the provider may block outbound mail.</source>
        <translation>一次端口 25 的测试连接被拒绝（%1）。服务器上或服务商处的防火墙可能阻止了出站邮件。</translation>
    </message>
    <message>
        <source>Could not test outbound port 25 (%1).</source>
        <translation>无法测试出站端口 25（%1）。</translation>
    </message>
    <message>
        <source>%1 is installed already; installing again upgrades it in place.</source>
        <translation>%1 已经安装；再次安装会就地升级它。</translation>
    </message>
    <message>
        <source>Cannot tell how much memory the server has (no /proc/meminfo). postwrd needs about 10 MiB.</source>
        <translation>无法判断服务器有多少内存（没有 /proc/meminfo）。postwrd 只需约 10 MiB。</translation>
    </message>
    <message>
        <source>Cannot tell how much disk space is free (no df on the server).</source>
        <translation>无法判断磁盘可用空间（服务器上没有 df）。</translation>
    </message>
    <message>
        <source>The kernel has no IPv6 (ipv6.disable=1 on its command line). Remove that option from the boot loader&apos;s configuration and reboot to use IPv6.</source>
        <translation>内核没有启用 IPv6（其命令行中有 ipv6.disable=1）。要使用 IPv6，请从引导加载程序的配置中删除该选项并重启。</translation>
    </message>
</context>
<context>
    <name>postwr::steps::ProbeStep</name>
    <message>
        <source>Look at the server</source>
        <translation>查看服务器</translation>
    </message>
    <message>
        <source>probe.outbound_check must be HOST:PORT, not &quot;%1&quot;.</source>
        <translation>probe.outbound_check 必须是 HOST:PORT，而不是“%1”。</translation>
    </message>
    <message>
        <source>Looking at the server</source>
        <translation>正在查看服务器</translation>
    </message>
</context>
<context>
    <name>postwr::steps::RestoreStep</name>
    <message>
        <source>Making the server&apos;s deploy key</source>
        <translation>正在生成服务器的部署密钥</translation>
    </message>
    <message>
        <source>The server&apos;s deploy key, which %1 must allow:</source>
        <translation>服务器的部署密钥，%1 必须允许它：</translation>
    </message>
    <message>
        <source>Restoring from %1</source>
        <translation>正在从 %1 恢复</translation>
    </message>
    <message>
        <source>Checking the configuration</source>
        <translation>正在检查配置</translation>
    </message>
    <message numerus="yes">
        <source>Restored from %1: %n account(s) (%2).</source>
        <translation>
            <numerusform>已从 %1 恢复：%n 个账户（%2）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Bring back the configuration, accounts, forwarding and DKIM keys from %1</source>
        <translation>从 %1 恢复配置、账户、转发和 DKIM 密钥</translation>
    </message>
    <message>
        <source>The backup&apos;s passphrase should be in the environment variable %1, which is not set.</source>
        <translation>备份的密码短语应在环境变量 %1 中，但该变量未设置。</translation>
    </message>
</context>
<context>
    <name>postwr::steps::ServerProbe</name>
    <message>
        <source>The server&apos;s answer has no &quot;%1&quot; part: the probe was cut short.</source>
        <translation>服务器的回答中没有“%1”部分：探测被截断了。</translation>
    </message>
</context>
<context>
    <name>postwr::steps::StatusStep</name>
    <message>
        <source>Service status</source>
        <translation>服务状态</translation>
    </message>
    <message>
        <source>Asking postwrd its version</source>
        <translation>正在询问 postwrd 的版本</translation>
    </message>
    <message>
        <source>postwrd is not installed in %1: %2</source>
        <translation>postwrd 没有安装在 %1：%2</translation>
    </message>
    <message>
        <source>%1 is running.</source>
        <translation>%1 正在运行。</translation>
    </message>
    <message>
        <source>%1 is installed but not running.</source>
        <translation>%1 已安装，但没有运行。</translation>
    </message>
    <message>
        <source>Looking at the queue</source>
        <translation>正在查看队列</translation>
    </message>
    <message>
        <source>Messages waiting in the queue: %1</source>
        <translation>队列中等待的邮件：%1</translation>
    </message>
    <message>
        <source>The last lines of postwrd&apos;s log:</source>
        <translation>postwrd 日志的最后几行：</translation>
    </message>
    <message>
        <source>Reading postwrd&apos;s log</source>
        <translation>正在读取 postwrd 的日志</translation>
    </message>
    <message>
        <source>postwrd is not running. Its log above says why; run the install step to start it.</source>
        <translation>postwrd 没有运行。上面的日志说明了原因；运行安装步骤即可启动它。</translation>
    </message>
    <message>
        <source>Backup: %1</source>
        <translation>备份：%1</translation>
    </message>
</context>
<context>
    <name>postwr::steps::Steps</name>
    <message>
        <source>Checking whether postwrd runs</source>
        <translation>正在检查 postwrd 是否在运行</translation>
    </message>
    <message>
        <source>%1: cancelled</source>
        <translation>%1：已取消</translation>
    </message>
    <message>
        <source>%1: no answer within %2 seconds</source>
        <translation>%1：%2 秒内没有响应</translation>
    </message>
    <message>
        <source>%1: failed with exit status %2</source>
        <translation>%1：失败，退出状态为 %2</translation>
    </message>
    <message>
        <source>%1: failed with exit status %2: %3</source>
        <translation>%1：失败，退出状态为 %2：%3</translation>
    </message>
    <message>
        <source>Starting postwrd</source>
        <translation>正在启动 postwrd</translation>
    </message>
    <message>
        <source>Reading postwrd&apos;s log</source>
        <translation>正在读取 postwrd 的日志</translation>
    </message>
    <message>
        <source>Starting postwrd (user mode, supervised by %1)</source>
        <translation>正在启动 postwrd（用户模式，由 %1 守护）</translation>
    </message>
    <message>
        <source>Waiting for postwrd to be ready</source>
        <translation>正在等待 postwrd 就绪</translation>
    </message>
    <message>
        <source>postwrd did not start: %1</source>
        <translation>postwrd 没有启动：%1</translation>
    </message>
    <message>
        <source>Stopping postwrd</source>
        <translation>正在停止 postwrd</translation>
    </message>
    <message>
        <source>Restarting postwrd</source>
        <translation>正在重启 postwrd</translation>
    </message>
    <message>
        <source>Reloading postwrd</source>
        <translation>正在重新加载 postwrd</translation>
    </message>
    <message>
        <source>[good]</source>
        <translation>[良好]</translation>
    </message>
    <message>
        <source>[warning]</source>
        <translation>[警告]</translation>
    </message>
    <message>
        <source>[problem]</source>
        <translation>[问题]</translation>
    </message>
    <message>
        <source>Cannot find the home directory of %1 on the server.</source>
        <translation>在服务器上找不到 %1 的主目录。</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>正在读取 %1</translation>
    </message>
    <message>
        <source>postwrd is not installed here yet (%1)</source>
        <translation>postwrd 尚未安装在此处（%1）</translation>
    </message>
    <message>
        <source>Recording the change in the backup</source>
        <translation>正在把更改记录到备份中</translation>
    </message>
</context>
<context>
    <name>postwr::steps::TestMailStep</name>
    <message>
        <source>Reading postwrd&apos;s log</source>
        <translation>正在读取 postwrd 的日志</translation>
    </message>
    <message>
        <source>Connected to %1 (%2), port %3.</source>
        <translation>已连接到 %1（%2），端口 %3。</translation>
    </message>
    <message>
        <source>%1 (%2); the certificate for %3, valid until %4, is the self-signed one Postwr made (trusted by its fingerprint until the certificate step).</source>
        <translation>%1（%2）；%3 的证书有效期至 %4，是 Postwr 生成的自签名证书（在证书步骤之前按指纹信任）。</translation>
    </message>
    <message>
        <source>%1 (%2); the certificate for %3 is valid until %4.</source>
        <translation>%1（%2）；%3 的证书有效期至 %4。</translation>
    </message>
    <message>
        <source>Logged in as %1.</source>
        <translation>已以 %1 身份登录。</translation>
    </message>
    <message>
        <source>The server took the message: queue id %1.</source>
        <translation>服务器已接收邮件：队列编号 %1。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>The message was not signed with DKIM: make a key for the sender&apos;s domain (the DKIM step) and publish its record.</source>
        <translation>邮件没有 DKIM 签名：请为发件人的域名生成密钥（DKIM 步骤）并发布其记录。</translation>
    </message>
    <message>
        <source>Signed with DKIM: %1, selector %2, domain %3.</source>
        <translation>已用 DKIM 签名：%1，选择器 %2，域名 %3。</translation>
    </message>
    <message>
        <source>Delivered to the mailbox of %1 on this server.</source>
        <translation>已投递到此服务器上 %1 的邮箱。</translation>
    </message>
    <message>
        <source>Delivered to %1 at %2 (%3, over %4): %5</source>
        <translation>已投递给 %1，经由 %2（%3，通过 %4）：%5</translation>
    </message>
    <message>
        <source>no encryption</source>
        <translation>未加密</translation>
    </message>
    <message>
        <source>%1 refused the message for good: %2. %3</source>
        <translation>%1 永久拒收了这封邮件：%2。%3</translation>
    </message>
    <message>
        <source>Not delivered yet, postwrd will try again in %1 seconds: %2. %3</source>
        <translation>尚未投递，postwrd 将在 %1 秒后重试：%2。%3</translation>
    </message>
    <message>
        <source>The message is still waiting in the queue after %1 seconds; the status step shows postwrd&apos;s log.</source>
        <translation>%1 秒后邮件仍在队列中等待；状态步骤会显示 postwrd 的日志。</translation>
    </message>
    <message>
        <source>To send as %1 from Gmail: Settings, Accounts, &quot;Send mail as&quot;, &quot;Add another email address&quot;:</source>
        <translation>要在 Gmail 中以 %1 的身份发信：设置、账号、“用这个地址发送邮件”、“添加其他电子邮件地址”：</translation>
    </message>
    <message>
        <source>  SMTP Server: %1</source>
        <translation>  SMTP 服务器：%1</translation>
    </message>
    <message>
        <source>  Port: %1</source>
        <translation>  端口：%1</translation>
    </message>
    <message>
        <source>  Username: %1</source>
        <translation>  用户名：%1</translation>
    </message>
    <message>
        <source>  Password: the password of %1</source>
        <translation>  密码：%1 的密码</translation>
    </message>
    <message>
        <source>  Secured connection using SSL</source>
        <translation>  使用 SSL 的安全连接</translation>
    </message>
    <message>
        <source>  Secured connection using TLS (recommended)</source>
        <translation>  使用 TLS 的安全连接（推荐）</translation>
    </message>
    <message>
        <source>Gmail then sends a confirmation code to %1; it arrives in the mailbox this server forwards to.</source>
        <translation>随后 Gmail 会向 %1 发送确认码；它会到达此服务器转发到的邮箱。</translation>
    </message>
    <message>
        <source>Send a test message</source>
        <translation>发送测试邮件</translation>
    </message>
    <message>
        <source>The password of %1 should be in the environment variable %2, which is not set.</source>
        <translation>%1 的密码应在环境变量 %2 中，但该变量未设置。</translation>
    </message>
    <message>
        <source>Reading the server&apos;s certificate</source>
        <translation>正在读取服务器的证书</translation>
    </message>
    <message>
        <source>Sending test message %1 from %2 to %3.</source>
        <translation>正在从 %2 向 %3 发送测试邮件 %1。</translation>
    </message>
    <message>
        <source>In the receiving mailbox, look for the subject &quot;Postwr test message %1&quot;. In Gmail, &quot;Show original&quot; should say SPF: PASS, DKIM: PASS and DMARC: PASS.</source>
        <translation>请在收件邮箱中查找主题为“Postwr 测试邮件 %1”的邮件。在 Gmail 中，“显示原始邮件”应显示 SPF: PASS、DKIM: PASS 和 DMARC: PASS。</translation>
    </message>
    <message>
        <source>The server&apos;s check could not run: %1. Give the mail host name an A record (the DNS step).</source>
        <translation>服务器的检查无法运行：%1。请为邮件主机名添加 A 记录（DNS 步骤）。</translation>
    </message>
    <message>
        <source>SPF for mail from %1: %2%3</source>
        <translation>来自 %1 的邮件的 SPF：%2%3</translation>
    </message>
    <message>
        <source>DKIM: %1%2</source>
        <translation>DKIM：%1%2</translation>
    </message>
    <message>
        <source>DMARC: %1%2</source>
        <translation>DMARC：%1%2</translation>
    </message>
    <message>
        <source>The server&apos;s own check failed: receivers would not trust this mail. Publish the records of the DNS step and check them there.</source>
        <translation>服务器自身的检查未通过：收件方不会信任这封邮件。请发布 DNS 步骤中的记录，并在那里检查它们。</translation>
    </message>
    <message>
        <source>SPF, DKIM and DMARC pass: receivers can trust mail from this server.</source>
        <translation>SPF、DKIM 和 DMARC 均通过：收件方可以信任来自此服务器的邮件。</translation>
    </message>
    <message>
        <source>In Thunderbird, Outlook or Apple Mail, the outgoing (SMTP) server for %1:</source>
        <translation>在 Thunderbird、Outlook 或 Apple Mail 中，%1 的发件（SMTP）服务器：</translation>
    </message>
    <message>
        <source>  Server: %1, port %2, %3</source>
        <translation>  服务器：%1，端口 %2，%3</translation>
    </message>
    <message>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>  Authentication: normal password; user name: %1</source>
        <translation>  身份验证：普通密码；用户名：%1</translation>
    </message>
    <message>
        <source>Incoming mail is forwarded to your mailbox elsewhere: this server has no IMAP, so the clients&apos; automatic setup (autoconfig, autodiscover) does not apply; enter these values by hand.</source>
        <translation>收到的邮件会转发到你在别处的邮箱：此服务器没有 IMAP，因此邮件客户端的自动配置（autoconfig、autodiscover）不适用；请手动输入这些值。</translation>
    </message>
</context>
<context>
    <name>postwr::steps::TlsStep</name>
    <message>
        <source>postwrd&apos;s description of its certificate cannot be read: %1</source>
        <translation>无法读取 postwrd 对其证书的描述：%1</translation>
    </message>
    <message>
        <source>The certificate for %1 expired on %2: mail programs refuse to send through the server. Get a new one here.</source>
        <translation>%1 的证书已于 %2 过期：邮件程序会拒绝通过该服务器发信。请在这里获取新证书。</translation>
    </message>
    <message>
        <source>Self-signed certificate for %1, valid until %2: for testing only, mail programs warn about it and Gmail shows no lock.</source>
        <translation>%1 的自签名证书，有效期至 %2：仅用于测试，邮件程序会对它发出警告，Gmail 也不会显示锁形图标。</translation>
    </message>
    <message numerus="yes">
        <source>The certificate for %1 from %2 ends in %n day(s), on %3: its renewal has failed. Get it again here to see why.</source>
        <translation>
            <numerusform>%2 签发的 %1 证书将在 %n 天后（%3）到期：它的续期失败了。请在这里重新获取证书，查看失败原因。</numerusform>
        </translation>
    </message>
    <message>
        <source>Certificate for %1 from %2, valid until %3.</source>
        <translation>%1 的证书，由 %2 签发，有效期至 %3。</translation>
    </message>
    <message>
        <source>Reading the certificate postwrd serves</source>
        <translation>正在读取 postwrd 提供的证书</translation>
    </message>
    <message>
        <source>Install a TLS certificate</source>
        <translation>安装 TLS 证书</translation>
    </message>
    <message>
        <source>Get a certificate for %1 from %2 with certbot (answering on port %3 for a moment), and renew it automatically</source>
        <translation>用 certbot 从 %2 为 %1 获取证书（期间临时在端口 %3 上应答），并自动续期</translation>
    </message>
    <message>
        <source>Install the certificate %1 with the key %2</source>
        <translation>使用密钥 %2 安装证书 %1</translation>
    </message>
    <message>
        <source>Make a new self-signed certificate for %1 (mail programs will warn about it)</source>
        <translation>为 %1 生成新的自签名证书（邮件程序会对它发出警告）</translation>
    </message>
    <message>
        <source>Installing the certificate %1</source>
        <translation>正在安装证书 %1</translation>
    </message>
    <message>
        <source>Making a self-signed certificate</source>
        <translation>正在生成自签名证书</translation>
    </message>
    <message>
        <source>The certificate for %1 from %2 is valid until %3: kept.</source>
        <translation>%2 签发的 %1 证书有效期至 %3：予以保留。</translation>
    </message>
    <message>
        <source>%1 does not resolve yet: add its A record (%2) on the DNS page, wait a few minutes and try again. Let&apos;s Encrypt finds the server by this name.</source>
        <translation>%1 还无法解析：请在 DNS 页面添加它的 A 记录（%2），等几分钟后重试。Let&apos;s Encrypt 是通过这个名称找到服务器的。</translation>
    </message>
    <message>
        <source>%1 points to %2, not to this server (%3): Let&apos;s Encrypt would ask another machine. Fix its A/AAAA records and try again.</source>
        <translation>%1 指向 %2，而不是这台服务器（%3）：Let&apos;s Encrypt 会去询问另一台机器。请修正它的 A/AAAA 记录，然后重试。</translation>
    </message>
    <message>
        <source>%1 resolves to this server (%2).</source>
        <translation>%1 解析到这台服务器（%2）。</translation>
    </message>
    <message>
        <source>Looking for certbot</source>
        <translation>正在查找 certbot</translation>
    </message>
    <message>
        <source>Installing certbot</source>
        <translation>正在安装 certbot</translation>
    </message>
    <message>
        <source>Writing certbot&apos;s deploy hook</source>
        <translation>正在写入 certbot 的部署钩子（deploy hook）</translation>
    </message>
    <message>
        <source>Asking %1 for a certificate</source>
        <translation>正在向 %1 申请证书</translation>
    </message>
    <message>
        <source>Installing the certificate</source>
        <translation>正在安装证书</translation>
    </message>
    <message>
        <source>Writing the renewal script</source>
        <translation>正在写入续期脚本</translation>
    </message>
    <message>
        <source>Scheduling the renewal</source>
        <translation>正在设置定期续期</translation>
    </message>
    <message>
        <source>There is no crontab on the server: run %1 twice a day some other way, or the certificate expires in 90 days.</source>
        <translation>服务器上没有 crontab：请用其他方式每天运行 %1 两次，否则证书会在 90 天后过期。</translation>
    </message>
    <message>
        <source>Turning on certbot&apos;s renewal timer</source>
        <translation>正在启用 certbot 的续期定时器</translation>
    </message>
    <message>
        <source>certbot succeeded, but postwrd still serves another certificate (%1).</source>
        <translation>certbot 已成功，但 postwrd 仍在提供另一张证书（%1）。</translation>
    </message>
    <message>
        <source>postwrd serves a certificate for %1 from %2, valid until %3; it renews by itself.</source>
        <translation>postwrd 正在提供 %2 签发的 %1 证书，有效期至 %3；它会自动续期。</translation>
    </message>
    <message>
        <source>Get a certificate for %1 from %2 with certbot, proving the name through Cloudflare&apos;s DNS, and renew it automatically</source>
        <translation>用 certbot 从 %2 为 %1 获取证书（通过 Cloudflare 的 DNS 证明对该名称的控制权），并自动续期</translation>
    </message>
    <message>
        <source>certbot is not installed on the server, and installing it needs root: ask the administrator to run apt-get install %1.</source>
        <translation>服务器上没有安装 certbot，而安装它需要 root 权限：请让管理员运行 apt-get install %1。</translation>
    </message>
    <message>
        <source>The Cloudflare API token is missing (%1).</source>
        <translation>缺少 Cloudflare API 令牌（%1）。</translation>
    </message>
    <message>
        <source>Storing the Cloudflare API token on the server</source>
        <translation>正在将 Cloudflare API 令牌保存到服务器上</translation>
    </message>
</context>
<context>
    <name>postwr::steps::UninstallStep</name>
    <message>
        <source>Uninstall postwrd</source>
        <translation>卸载 postwrd</translation>
    </message>
    <message>
        <source>Stop postwrd</source>
        <translation>停止 postwrd</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>Delete the configuration, the queue and all mail in %1, %2 and %3</source>
        <translation>删除 %1、%2 和 %3 中的配置、队列和所有邮件</translation>
    </message>
    <message>
        <source>Keep the configuration, the queue and the mail</source>
        <translation>保留配置、队列和邮件</translation>
    </message>
    <message>
        <source>Removing postwrd</source>
        <translation>正在删除 postwrd</translation>
    </message>
    <message>
        <source>postwrd is removed, with its configuration, queue and mail.</source>
        <translation>postwrd 已被删除，连同其配置、队列和邮件。</translation>
    </message>
    <message>
        <source>postwrd is removed; its configuration, queue and mail are kept in %1, %2 and %3.</source>
        <translation>postwrd 已被删除；其配置、队列和邮件保留在 %1、%2 和 %3 中。</translation>
    </message>
</context>
</TS>
