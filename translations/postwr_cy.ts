<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en">
<context>
    <name>BackupArchive</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Methu ysgrifennu %1: %2</translation>
    </message>
    <message>
        <source>Cannot make %1: %2</source>
        <translation>Methu creu %1: %2</translation>
    </message>
</context>
<context>
    <name>BackupStep</name>
    <message>
        <source>Reading the backup</source>
        <translation>Yn darllen y copi wrth gefn</translation>
    </message>
    <message>
        <source>postwrd&apos;s export is damaged: %1</source>
        <translation>Mae allforiad postwrd wedi&apos;i ddifrodi: %1</translation>
    </message>
</context>
<context>
    <name>Steps</name>
    <message>
        <source>Giving the configuration to postwr</source>
        <translation>Yn rhoi&apos;r ffurfweddiad i postwr</translation>
    </message>
</context>
<context>
    <name>postwr::app::Headless</name>
    <message>
        <source>postwr: cannot read the plan %1: %2</source>
        <translation>postwr: methu darllen y cynllun %1: %2</translation>
    </message>
    <message>
        <source>%1 (shown only now, keep it safe): %2</source>
        <translation>%1 (yn cael ei ddangos nawr yn unig, cadwch ef yn ddiogel): %2</translation>
    </message>
    <message>
        <source>postwr: %1</source>
        <translation>postwr: %1</translation>
    </message>
    <message>
        <source>Postwr: your own mail server, set up over SSH.</source>
        <translation>Postwr: eich gweinydd post eich hun, wedi&apos;i osod dros SSH.</translation>
    </message>
    <message>
        <source>Run without a window, from a plan file.</source>
        <translation>Rhedeg heb ffenestr, o ffeil gynllun.</translation>
    </message>
    <message>
        <source>The plan file (JSON) to run; see examples/.</source>
        <translation>Y ffeil gynllun (JSON) i&apos;w rhedeg; gweler examples/.</translation>
    </message>
    <message>
        <source>Also print the SSH layer&apos;s diagnostics (never secrets) on stderr.</source>
        <translation>Argraffu diagnosteg yr haen SSH hefyd (byth gyfrinachau) ar stderr.</translation>
    </message>
    <message>
        <source>After the plan&apos;s steps, send a test message to ADDRESS and report its way.</source>
        <translation>Ar ôl camau&apos;r cynllun, anfon neges brawf i ADDRESS ac adrodd ar ei thaith.</translation>
    </message>
    <message>
        <source>postwr: --headless needs --plan FILE.json</source>
        <translation>postwr: mae angen --plan FILE.json ar --headless</translation>
    </message>
    <message>
        <source>Run the whole setup without a window against a sandbox on this machine: sshd, dnsmasq and a receiving mail server on loopback.</source>
        <translation>Rhedeg y gosod cyfan heb ffenestr, mewn blwch tywod ar y peiriant hwn: sshd, dnsmasq a gweinydd post derbyn ar y rhyngwyneb dolen-ôl (loopback).</translation>
    </message>
    <message>
        <source>The sandbox&apos;s directory, removed and made anew (default: %1).</source>
        <translation>Cyfeiriadur y blwch tywod, sy&apos;n cael ei ddileu a&apos;i greu o&apos;r newydd (rhagosodiad: %1).</translation>
    </message>
    <message>
        <source>postwr: no display (DISPLAY, WAYLAND_DISPLAY), so no window: running the local sandbox (--sandbox) instead.</source>
        <translation>postwr: dim dangosydd (DISPLAY, WAYLAND_DISPLAY), felly dim ffenestr: yn rhedeg y blwch tywod lleol (--sandbox) yn lle hynny.</translation>
    </message>
    <message>
        <source>After the plan&apos;s steps, check every DNS record the domains need; exit 1 when one that receivers need is missing or wrong.</source>
        <translation>Ar ôl camau&apos;r cynllun, gwirio pob cofnod DNS sydd ei angen ar y parthau; gadael gyda 1 pan fo un sydd ei angen ar dderbynwyr ar goll neu&apos;n anghywir.</translation>
    </message>
</context>
<context>
    <name>postwr::dashboard::DashboardWindow</name>
    <message>
        <source>Not connected: the server&apos;s key was not trusted.</source>
        <translation>Heb gysylltu: ni chafodd allwedd y gweinydd ei hymddiried.</translation>
    </message>
    <message>
        <source>No server yet: set one up with Server, &quot;Set up a new server&quot;.</source>
        <translation>Dim gweinydd eto: gosodwch un drwy Gweinydd, &quot;Gosod gweinydd newydd&quot;.</translation>
    </message>
    <message>
        <source>%1: not connected.</source>
        <translation>%1: heb gysylltu.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Yn cysylltu â %1…</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Mewngofnodi</translation>
    </message>
    <message>
        <source>The SSH password of %1:</source>
        <translation>Cyfrinair SSH %1:</translation>
    </message>
    <message>
        <source>Not connected: no password given.</source>
        <translation>Heb gysylltu: ni roddwyd cyfrinair.</translation>
    </message>
    <message>
        <source>Logging in as %1…</source>
        <translation>Yn mewngofnodi fel %1…</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Wedi cysylltu â %1.</translation>
    </message>
    <message>
        <source>Forget this server?</source>
        <translation>Anghofio&apos;r gweinydd hwn?</translation>
    </message>
    <message>
        <source>Postwr forgets %1 and the passwords it kept for it. The server itself is not changed.</source>
        <translation>Bydd Postwr yn anghofio %1 a&apos;r cyfrineiriau a gadwodd ar ei gyfer. Nid yw&apos;r gweinydd ei hun yn cael ei newid.</translation>
    </message>
    <message>
        <source>Postwr: your mail servers</source>
        <translation>Postwr: eich gweinyddion post</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Gweinydd</translation>
    </message>
    <message>
        <source>Set up a &amp;new server…</source>
        <translation>Gosod gweinydd &amp;newydd…</translation>
    </message>
    <message>
        <source>&amp;Forget this server…</source>
        <translation>&amp;Anghofio&apos;r gweinydd hwn…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Gadael</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Iaith</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>Cy&amp;sylltu</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Cyfrifon</translation>
    </message>
    <message>
        <source>Forwarding</source>
        <translation>Anfon ymlaen</translation>
    </message>
    <message>
        <source>Test mail</source>
        <translation>Post prawf</translation>
    </message>
    <message>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Tystysgrif</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Copi wrth gefn</translation>
    </message>
</context>
<context>
    <name>postwr::dashboard::StatusTab</name>
    <message>
        <source>Whether the mail server runs, how many messages wait to be delivered, and what it did last.</source>
        <translation>A yw&apos;r gweinydd post yn rhedeg, faint o negeseuon sy&apos;n aros i gael eu danfon, a beth wnaeth ddiwethaf.</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Adnewyddu</translation>
    </message>
</context>
<context>
    <name>postwr::dnscheck::BlocklistReport</name>
    <message>
        <source>The server&apos;s blocklist answer cannot be read: %1</source>
        <translation>Ni ellir darllen ateb y gweinydd am y rhestrau blocio: %1</translation>
    </message>
    <message>
        <source>%1 is listed on %2 (%3): receivers that use this list refuse its mail.</source>
        <translation>Mae %1 wedi&apos;i restru ar %2 (%3): mae derbynwyr sy&apos;n defnyddio&apos;r rhestr hon yn gwrthod post ohono.</translation>
    </message>
    <message>
        <source>%1 is listed on %2 (%3): receivers that use this list refuse its mail. See why and ask for removal at %4.</source>
        <translation>Mae %1 wedi&apos;i restru ar %2 (%3): mae derbynwyr sy&apos;n defnyddio&apos;r rhestr hon yn gwrthod post ohono. Gwelwch pam, a gofynnwch am ei dynnu oddi ar y rhestr, yn %4.</translation>
    </message>
    <message>
        <source>%1 would not answer the server&apos;s resolver about %2 (it refuses public resolvers): set [dns] servers in postwrd.conf to a resolver of the server&apos;s own, such as a local unbound.</source>
        <translation>Ni fyddai %1 yn ateb datryswr y gweinydd am %2 (mae&apos;n gwrthod datryswyr cyhoeddus): gosodwch [dns] servers yn postwrd.conf i ddatryswr sy&apos;n eiddo i&apos;r gweinydd ei hun, fel unbound lleol.</translation>
    </message>
    <message>
        <source>%1 could not be asked about %2: %3</source>
        <translation>Ni ellid holi %1 am %2: %3</translation>
    </message>
    <message numerus="yes">
        <source>Not listed on %n blocklist(s): %1.</source>
        <translation>
            <numerusform>Heb ei restru ar %n rhestr flocio: %1.</numerusform>
            <numerusform>Heb ei restru ar %n rhestr flocio: %1.</numerusform>
            <numerusform>Heb ei restru ar %n rhestr flocio: %1.</numerusform>
            <numerusform>Heb ei restru ar %n rhestr flocio: %1.</numerusform>
            <numerusform>Heb ei restru ar %n rhestr flocio: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>postwr::dnscheck::DnsChecker</name>
    <message>
        <source>The DNS servers &quot;%1&quot; cannot be used: %2</source>
        <translation>Ni ellir defnyddio&apos;r gweinyddion DNS &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>Cannot ask DNS: %1</source>
        <translation>Methu holi&apos;r DNS: %1</translation>
    </message>
    <message>
        <source>%1 records are not checked</source>
        <translation>Nid yw cofnodion %1 yn cael eu gwirio</translation>
    </message>
    <message>
        <source>too many questions</source>
        <translation>gormod o ymholiadau</translation>
    </message>
</context>
<context>
    <name>postwr::dnscheck::ExpectedRecordsText</name>
    <message>
        <source>The server&apos;s list of DNS records is not JSON (%1); is postwrd on the server up to date?</source>
        <translation>Nid yw rhestr y gweinydd o gofnodion DNS yn JSON (%1); ydy postwrd ar y gweinydd yn gyfredol?</translation>
    </message>
    <message>
        <source>The server&apos;s list of DNS records has no domain or no records.</source>
        <translation>Nid oes parth na chofnodion yn rhestr y gweinydd o gofnodion DNS.</translation>
    </message>
    <message>
        <source>Record %1 of the server&apos;s list has no id, type or name.</source>
        <translation>Mae cofnod %1 yn rhestr y gweinydd heb id, math nac enw.</translation>
    </message>
</context>
<context>
    <name>postwr::dnscheck::RecordCheck</name>
    <message>
        <source>Not published yet. If you added it within the last hours, DNS may not show it yet: check again later.</source>
        <translation>Heb ei gyhoeddi eto. Os gwnaethoch ei ychwanegu yn ystod yr oriau diwethaf, efallai na fydd DNS yn ei ddangos eto: gwiriwch eto yn nes ymlaen.</translation>
    </message>
    <message>
        <source>%1 points to %2, not to the server&apos;s %3.</source>
        <translation>Mae %1 yn pwyntio at %2, nid at gyfeiriad y gweinydd, %3.</translation>
    </message>
    <message>
        <source>It names %1; it should name %2.</source>
        <translation>Mae&apos;n enwi %1; dylai enwi %2.</translation>
    </message>
    <message>
        <source>There are %1 SPF records; receivers then ignore SPF altogether (RFC 7208 §4.5). Keep one: edit the first to read %2 and delete the others.</source>
        <translation>Mae %1 cofnod SPF; wedyn mae derbynwyr yn anwybyddu SPF yn llwyr (RFC 7208 §4.5). Cadwch un: golygwch y cyntaf fel ei fod yn darllen %2 a dilëwch y lleill.</translation>
    </message>
    <message>
        <source>The value was pasted with its quotes. Remove the &quot; at both ends in the DNS panel.</source>
        <translation>Cafodd y gwerth ei ludo gyda&apos;i ddyfynodau. Tynnwch y &quot; ar y ddau ben yn y panel DNS.</translation>
    </message>
    <message>
        <source>It does not let the server send: add %1 before the final all, e.g. %2.</source>
        <translation>Nid yw&apos;n gadael i&apos;r gweinydd anfon: ychwanegwch %1 cyn yr all olaf, e.e. %2.</translation>
    </message>
    <message>
        <source>The value has quotation marks in it: the panel took them as text. Paste the value without quotes, or as the quoted pieces the panel asks for, each in its own quotes.</source>
        <translation>Mae dyfynodau yn y gwerth: roedd y panel yn eu trin fel testun. Gludwch y gwerth heb ddyfynodau, neu fel y darnau mewn dyfynodau y mae&apos;r panel yn gofyn amdanynt, pob un yn ei ddyfynodau ei hun.</translation>
    </message>
    <message>
        <source>The key was split into pieces with spaces between them. Paste it as one string, or as the quoted 255-character pieces Postwr gives, with nothing between them.</source>
        <translation>Cafodd yr allwedd ei rhannu&apos;n ddarnau gyda bylchau rhyngddynt. Gludwch hi fel un llinyn, neu fel y darnau 255 nod mewn dyfynodau y mae Postwr yn eu rhoi, heb ddim rhyngddynt.</translation>
    </message>
    <message>
        <source>The key is cut short: %1 of %2 characters arrived. The DNS panel stops at 255 characters per string: paste the quoted 255-character pieces Postwr gives.</source>
        <translation>Mae&apos;r allwedd wedi&apos;i thorri&apos;n fyr: dim ond %1 o&apos;r %2 nod a gyrhaeddodd. Mae&apos;r panel DNS yn stopio ar 255 nod ym mhob llinyn: gludwch y darnau 255 nod mewn dyfynodau y mae Postwr yn eu rhoi.</translation>
    </message>
    <message>
        <source>This is another key than the one the server signs with (selector %1). Replace the value with the one Postwr shows.</source>
        <translation>Mae hon yn allwedd wahanol i&apos;r un y mae&apos;r gweinydd yn llofnodi â hi (dewisydd %1). Rhowch y gwerth y mae Postwr yn ei ddangos yn lle&apos;r gwerth hwn.</translation>
    </message>
    <message>
        <source>There are %1 %2 records; receivers then use none. Keep one.</source>
        <translation>Mae %1 cofnod %2; wedyn nid yw derbynwyr yn defnyddio&apos;r un ohonynt. Cadwch un.</translation>
    </message>
    <message>
        <source>The policy p= must be none, quarantine or reject; it is &quot;%1&quot;.</source>
        <translation>Rhaid i&apos;r polisi p= fod yn none, quarantine neu reject; ar hyn o bryd mae&apos;n &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Its id is not the one of the current policy: senders keep the old policy. Set it to %1.</source>
        <translation>Nid yw ei id yr un ag id y polisi presennol: mae anfonwyr yn cadw&apos;r hen bolisi. Gosodwch ef i %1.</translation>
    </message>
    <message>
        <source>DNS did not answer: %1. Check again in a moment.</source>
        <translation>Ni atebodd DNS: %1. Gwiriwch eto mewn munud.</translation>
    </message>
    <message>
        <source>%1 is a CNAME (an alias of %2), but a %3 record belongs there. Delete the CNAME and add the %3 record.</source>
        <translation>Mae %1 yn CNAME (enw arall ar %2), ond cofnod %3 sy&apos;n perthyn yno. Dilëwch y CNAME ac ychwanegwch y cofnod %3.</translation>
    </message>
    <message>
        <source>It is published as %1: the DNS panel added your domain to the name again. In the panel&apos;s name field, enter only %2.</source>
        <translation>Mae wedi&apos;i gyhoeddi fel %1: ychwanegodd y panel DNS eich parth at yr enw eto. Ym maes enw&apos;r panel, rhowch %2 yn unig.</translation>
    </message>
    <message>
        <source>It should read %1.</source>
        <translation>Dylai ddarllen %1.</translation>
    </message>
    <message>
        <source>%1 has no reverse DNS. Set it to %2 in your hosting provider&apos;s panel (not in your domain&apos;s DNS): many receivers refuse mail from an address without one.</source>
        <translation>Nid oes gan %1 DNS gwrthdro. Gosodwch ef i %2 ym mhanel eich darparwr gwe-letya (nid yn DNS eich parth): mae llawer o dderbynwyr yn gwrthod post o gyfeiriad heb un.</translation>
    </message>
    <message>
        <source>The reverse DNS of %1 is %2; it should be %3. Change it in your hosting provider&apos;s panel.</source>
        <translation>DNS gwrthdro %1 yw %2; dylai fod yn %3. Newidiwch ef ym mhanel eich darparwr gwe-letya.</translation>
    </message>
    <message>
        <source>The reverse DNS names %1, but %1 does not lead back to %2 (it has %3): add the A or AAAA record so that receivers can confirm it.</source>
        <translation>Mae&apos;r DNS gwrthdro yn enwi %1, ond nid yw %1 yn arwain yn ôl at %2 (yr hyn sydd ganddo: %3): ychwanegwch y cofnod A neu AAAA fel y gall derbynwyr ei gadarnhau.</translation>
    </message>
    <message>
        <source>no address</source>
        <translation>dim cyfeiriad</translation>
    </message>
    <message>
        <source>%1 is missing: mail your other provider sends would fail SPF. Add it before the final all, e.g. %2.</source>
        <translation>Mae %1 ar goll: byddai post y mae eich darparwr arall yn ei anfon yn methu SPF. Ychwanegwch ef cyn yr all olaf, e.e. %2.</translation>
    </message>
    <message>
        <source>Checking it takes more than the 10 DNS lookups SPF allows (%1), so receivers treat it as broken. Remove the include: of senders you no longer use, or list their addresses with ip4:/ip6: instead.</source>
        <translation>Mae ei wirio&apos;n gofyn am fwy na&apos;r 10 chwiliad DNS y mae SPF yn eu caniatáu (%1), felly mae derbynwyr yn ei drin fel cofnod toredig. Tynnwch yr include: ar gyfer anfonwyr nad ydych yn eu defnyddio mwyach, neu rhestrwch eu cyfeiriadau ag ip4:/ip6: yn lle hynny.</translation>
    </message>
    <message>
        <source>Receivers cannot use it: %1.</source>
        <translation>Ni all derbynwyr ei ddefnyddio: %1.</translation>
    </message>
    <message>
        <source>For mail from %1 it says %2: receivers do not let the server send. Add ip4:/ip6: with the server&apos;s address before the final all.</source>
        <translation>Ar gyfer post o %1 mae&apos;n dweud %2: nid yw derbynwyr yn gadael i&apos;r gweinydd anfon. Ychwanegwch ip4:/ip6: gyda chyfeiriad y gweinydd cyn yr all olaf.</translation>
    </message>
    <message>
        <source>Your domain&apos;s name servers (%1) already have it right; the resolver asked still remembers an older answer. Nothing to do: it will see the new record within the record&apos;s TTL (an hour, usually).</source>
        <translation>Mae&apos;r cofnod eisoes yn gywir ar weinyddion enwau eich parth (%1); mae&apos;r datryswr a holwyd yn dal i gofio ateb hŷn. Does dim i&apos;w wneud: bydd yn gweld y cofnod newydd o fewn TTL y cofnod (awr, fel arfer).</translation>
    </message>
    <message>
        <source>The resolver still remembers the right record, but your domain&apos;s name servers (%1) no longer have it: %2</source>
        <translation>Mae&apos;r datryswr yn dal i gofio&apos;r cofnod cywir, ond nid yw ar weinyddion enwau eich parth (%1) mwyach: %2</translation>
    </message>
</context>
<context>
    <name>postwr::dnscheck::RecordPurpose</name>
    <message>
        <source>Mail for %1 is delivered to this server, %2.</source>
        <translation>Mae post i %1 yn cael ei ddanfon i&apos;r gweinydd hwn, %2.</translation>
    </message>
    <message>
        <source>The address of %1, the mail server: the MX points here and the reverse DNS must lead back here.</source>
        <translation>Cyfeiriad %1, y gweinydd post: mae&apos;r MX yn pwyntio yma a rhaid i&apos;r DNS gwrthdro arwain yn ôl yma.</translation>
    </message>
    <message>
        <source>SPF: this server may send mail for @%1; receivers distrust mail from other servers.</source>
        <translation>SPF: caiff y gweinydd hwn anfon post ar ran @%1; nid yw derbynwyr yn ymddiried mewn post o weinyddion eraill.</translation>
    </message>
    <message>
        <source>SPF for the name the server greets with: bounces have no sender, so receivers check this name.</source>
        <translation>SPF ar gyfer yr enw y mae&apos;r gweinydd yn cyfarch ag ef: nid oes anfonwr gan negeseuon a wrthodwyd, felly mae derbynwyr yn gwirio&apos;r enw hwn.</translation>
    </message>
    <message>
        <source>DKIM: the public key receivers check the signature of each message with.</source>
        <translation>DKIM: yr allwedd gyhoeddus y mae derbynwyr yn gwirio llofnod pob neges â hi.</translation>
    </message>
    <message>
        <source>DMARC: what receivers do with mail from @%1 that passes neither SPF nor DKIM, and where they send reports.</source>
        <translation>DMARC: beth mae derbynwyr yn ei wneud â phost o @%1 nad yw&apos;n pasio SPF na DKIM, a ble maen nhw&apos;n anfon adroddiadau.</translation>
    </message>
    <message>
        <source>TLS-RPT: where other servers report when they could not reach this one over TLS.</source>
        <translation>TLS-RPT: ble mae gweinyddion eraill yn adrodd pan na allent gyrraedd hwn dros TLS.</translation>
    </message>
    <message>
        <source>MTA-STS: tells senders to use TLS with a valid certificate; the policy itself is on a web server.</source>
        <translation>MTA-STS: yn dweud wrth anfonwyr am ddefnyddio TLS â thystysgrif ddilys; mae&apos;r polisi ei hun ar weinydd gwe.</translation>
    </message>
    <message>
        <source>The web server that serves the MTA-STS policy (not postwrd).</source>
        <translation>Y gweinydd gwe sy&apos;n gweini&apos;r polisi MTA-STS (nid postwrd).</translation>
    </message>
    <message>
        <source>Lets mail programs find the server and port to send from.</source>
        <translation>Yn gadael i raglenni post ddod o hyd i&apos;r gweinydd a&apos;r porth i anfon drwyddynt.</translation>
    </message>
    <message>
        <source>Reverse DNS, set in your hosting provider&apos;s panel (not in your domain&apos;s): it must name %1, or many receivers refuse the mail.</source>
        <translation>DNS gwrthdro, wedi&apos;i osod ym mhanel eich darparwr gwe-letya (nid ym mhanel eich parth): rhaid iddo enwi %1, neu bydd llawer o dderbynwyr yn gwrthod y post.</translation>
    </message>
</context>
<context>
    <name>postwr::dnscheck::ReverseDnsHelp</name>
    <message>
        <source>Reverse DNS is set where you rent the server, not where your domain&apos;s DNS is: in your hosting provider&apos;s control panel, look for &quot;Reverse DNS&quot;, &quot;rDNS&quot; or &quot;PTR&quot; next to the server&apos;s IP addresses, and set %1 to %2. If there is no such setting, ask their support (Postwr writes the request for you).</source>
        <translation>Caiff DNS gwrthdro ei osod lle rydych yn rhentu&apos;r gweinydd, nid lle mae DNS eich parth: ym mhanel rheoli eich darparwr gwe-letya, chwiliwch am &quot;Reverse DNS&quot;, &quot;rDNS&quot; neu &quot;PTR&quot; wrth ymyl cyfeiriadau IP y gweinydd, a gosodwch %1 i %2. Os nad oes gosodiad o&apos;r fath, gofynnwch i&apos;w tîm cymorth (mae Postwr yn ysgrifennu&apos;r cais i chi).</translation>
    </message>
    <message>
        <source>This server is at %1: in the customer panel, open &quot;Reverse DNS Management&quot;, click the pencil next to %2 and enter %3.</source>
        <translation>Mae&apos;r gweinydd hwn gyda %1: yn y panel cwsmeriaid, agorwch &quot;Reverse DNS Management&quot; (rheoli DNS gwrthdro), cliciwch y pensil wrth ymyl %2 a rhowch %3.</translation>
    </message>
    <message>
        <source>This server is at %1: in the Cloud Console open the server, then &quot;Networking&quot;, and edit the reverse DNS of %2 to %3 (for a dedicated server: Robot, &quot;IPs&quot;).</source>
        <translation>Mae&apos;r gweinydd hwn gyda %1: yn y Cloud Console agorwch y gweinydd, yna &quot;Networking&quot; (rhwydweithio), a newidiwch DNS gwrthdro %2 i %3 (ar gyfer gweinydd pwrpasol: Robot, &quot;IPs&quot;).</translation>
    </message>
    <message>
        <source>This server is at %1: in the control panel open &quot;Network&quot; then &quot;Public IP addresses&quot;, choose &quot;Modify the reverse path&quot; for %2 and enter %3.</source>
        <translation>Mae&apos;r gweinydd hwn gyda %1: yn y panel rheoli agorwch &quot;Network&quot; (rhwydwaith) ac yna &quot;Public IP addresses&quot; (cyfeiriadau IP cyhoeddus), dewiswch &quot;Modify the reverse path&quot; ar gyfer %2 a rhowch %3.</translation>
    </message>
    <message>
        <source>This server is at %1: open the server, then &quot;Settings&quot; and &quot;IPv4&quot; (or &quot;IPv6&quot;), and set the reverse DNS of %2 to %3.</source>
        <translation>Mae&apos;r gweinydd hwn gyda %1: agorwch y gweinydd, yna &quot;Settings&quot; (gosodiadau) ac &quot;IPv4&quot; (neu &quot;IPv6&quot;), a gosodwch DNS gwrthdro %2 i %3.</translation>
    </message>
    <message>
        <source>This server is at %1, which takes the reverse DNS from the droplet&apos;s name: rename the droplet to %3 and %2 follows.</source>
        <translation>Mae&apos;r gweinydd hwn gyda %1, sy&apos;n cymryd y DNS gwrthdro o enw&apos;r droplet: ailenwch y droplet yn %3 a bydd DNS gwrthdro %2 yn dilyn.</translation>
    </message>
    <message>
        <source>This server is at %1: open the Linode, then &quot;Network&quot;, and choose &quot;Edit RDNS&quot; next to %2 to enter %3.</source>
        <translation>Mae&apos;r gweinydd hwn gyda %1: agorwch y Linode, yna &quot;Network&quot; (rhwydwaith), a dewiswch &quot;Edit RDNS&quot; (golygu RDNS) wrth ymyl %2 i roi %3.</translation>
    </message>
    <message>
        <source>This server is at %1: reverse DNS and sending on port 25 are opened together by the request &quot;Enable email sending&quot;; give %2 and %3 in it.</source>
        <translation>Mae&apos;r gweinydd hwn gyda %1: caiff DNS gwrthdro ac anfon ar borth 25 eu hagor gyda&apos;i gilydd drwy&apos;r cais &quot;Enable email sending&quot; (galluogi anfon e-bost); rhowch %2 a %3 ynddo.</translation>
    </message>
</context>
<context>
    <name>postwr::dnscheck::SupportRequest</name>
    <message>
        <source>Hello,</source>
        <translation>Helo,</translation>
    </message>
    <message>
        <source>I run a mail server for my own domain on my server, under the name %1.</source>
        <translation>Rwy&apos;n rhedeg gweinydd post ar gyfer fy mharth fy hun ar fy ngweinydd, o dan yr enw %1.</translation>
    </message>
    <message>
        <source>Please set the reverse DNS (PTR record) of these addresses:</source>
        <translation>A fyddech cystal â gosod DNS gwrthdro (cofnod PTR) y cyfeiriadau hyn:</translation>
    </message>
    <message>
        <source>- %1 → %2 (it has none now)</source>
        <translation>- %1 → %2 (does dim un ar hyn o bryd)</translation>
    </message>
    <message>
        <source>- %1 → %2 (it is %3 now)</source>
        <translation>- %1 → %2 (%3 yw ar hyn o bryd)</translation>
    </message>
    <message>
        <source>Please also open outbound connections to TCP port 25, which my server needs to deliver mail to other mail servers. It sends only mail from my own accounts, DKIM-signed and under SPF and DMARC; it is not an open relay.</source>
        <translation>A fyddech cystal hefyd ag agor cysylltiadau allan i borth TCP 25, sydd ei angen ar fy ngweinydd i ddanfon post i weinyddion post eraill. Dim ond post o fy nghyfrifon fy hun y mae&apos;n ei anfon, wedi&apos;i lofnodi â DKIM ac o dan SPF a DMARC; nid yw&apos;n gyfnewidfa agored.</translation>
    </message>
    <message>
        <source>Thank you.</source>
        <translation>Diolch.</translation>
    </message>
    <message>
        <source>I have pointed %1 to these addresses in my domain&apos;s DNS, so the reverse DNS will be forward-confirmed.</source>
        <translation>Rwyf wedi pwyntio %1 at y cyfeiriadau hyn yn DNS fy mharth, felly bydd y DNS gwrthdro wedi&apos;i gadarnhau ymlaen.</translation>
    </message>
</context>
<context>
    <name>postwr::mailtest::DeliveryReportText</name>
    <message>
        <source>The receiver refused mail from an address without reverse DNS: set the PTR record of your server&apos;s %1 address to your mail host name in your provider&apos;s control panel.</source>
        <translation>Gwrthododd y derbynnydd bost o gyfeiriad heb DNS gwrthdro: gosodwch gofnod PTR cyfeiriad %1 eich gweinydd i enw gwesteiwr eich post ym mhanel rheoli eich darparwr.</translation>
    </message>
    <message>
        <source>The receiver could not authenticate the message: check that the SPF, DKIM and DMARC records are published (the DNS step checks them).</source>
        <translation>Ni allai&apos;r derbynnydd ddilysu&apos;r neges: gwiriwch fod y cofnodion SPF, DKIM a DMARC wedi&apos;u cyhoeddi (mae&apos;r cam DNS yn eu gwirio).</translation>
    </message>
    <message>
        <source>The receiver&apos;s SPF check failed: the SPF record must list the server&apos;s %1 address (the DNS step shows the record).</source>
        <translation>Methodd gwiriad SPF y derbynnydd: rhaid i&apos;r cofnod SPF restru cyfeiriad %1 y gweinydd (mae&apos;r cam DNS yn dangos y cofnod).</translation>
    </message>
    <message>
        <source>The recipient&apos;s address does not exist. Check it for typos.</source>
        <translation>Nid yw cyfeiriad y derbynnydd yn bodoli. Gwiriwch am wallau teipio.</translation>
    </message>
    <message>
        <source>The receiving server could not be reached. postwrd keeps the message and tries again; if this lasts, your provider may block outbound port 25.</source>
        <translation>Ni ellid cyrraedd y gweinydd derbyn. Mae postwrd yn cadw&apos;r neges ac yn rhoi cynnig arall arni; os yw hyn yn parhau, efallai fod eich darparwr yn rhwystro porth 25 tuag allan.</translation>
    </message>
    <message>
        <source>The receiver asked to try again later. postwrd keeps the message and retries on its own.</source>
        <translation>Gofynnodd y derbynnydd am roi cynnig arall arni yn nes ymlaen. Mae postwrd yn cadw&apos;r neges ac yn ailgeisio ar ei ben ei hun.</translation>
    </message>
</context>
<context>
    <name>postwr::mailtest::TestMailSender</name>
    <message>
        <source>an old TLS version</source>
        <translation>fersiwn TLS hen</translation>
    </message>
    <message>
        <source>Cannot connect to %1 on port %2: %3. Check the server&apos;s address, that postwrd runs, and that no firewall blocks the port.</source>
        <translation>Methu cysylltu â %1 ar borth %2: %3. Gwiriwch gyfeiriad y gweinydd, bod postwrd yn rhedeg, ac nad oes mur gwarchod yn rhwystro&apos;r porth.</translation>
    </message>
    <message>
        <source>The TLS handshake with the server failed: %1</source>
        <translation>Methodd ysgwyd llaw TLS â&apos;r gweinydd: %1</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted: %1. Until the certificate step gets one from Let&apos;s Encrypt, only the certificate Postwr made at install time is accepted.</source>
        <translation>Nid oes modd ymddiried yn nhystysgrif y gweinydd: %1. Nes bod y cam tystysgrif yn cael un gan Let&apos;s Encrypt, dim ond y dystysgrif a wnaeth Postwr wrth osod sy&apos;n cael ei derbyn.</translation>
    </message>
    <message>
        <source>The server refused the user name or password of %1 (%2). Check the password, or reset it in the accounts step.</source>
        <translation>Gwrthododd y gweinydd enw defnyddiwr neu gyfrinair %1 (%2). Gwiriwch y cyfrinair, neu ailosodwch ef yn y cam cyfrifon.</translation>
    </message>
    <message>
        <source>The server refused the sender %1 (%2): an account may only send as its own domain.</source>
        <translation>Gwrthododd y gweinydd yr anfonwr %1 (%2): dim ond fel ei barth ei hun y caiff cyfrif anfon.</translation>
    </message>
    <message>
        <source>The server refused the recipient %1 (%2).</source>
        <translation>Gwrthododd y gweinydd y derbynnydd %1 (%2).</translation>
    </message>
    <message>
        <source>The server did not take the message: %1</source>
        <translation>Ni dderbyniodd y gweinydd y neges: %1</translation>
    </message>
    <message>
        <source>The conversation with the server failed: %1 (%2)</source>
        <translation>Methodd y sgwrs â&apos;r gweinydd: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>postwr::mailtest::TestMessage</name>
    <message>
        <source>Postwr test message %1</source>
        <translation>Neges brawf Postwr %1</translation>
    </message>
    <message>
        <source>Hello,</source>
        <translation>Helo,</translation>
    </message>
    <message>
        <source>this message was sent by Postwr through your own mail server, as %1, to check that it delivers signed mail.</source>
        <translation>anfonwyd y neges hon gan Postwr drwy eich gweinydd post eich hun, fel %1, i wirio ei fod yn danfon post wedi&apos;i lofnodi.</translation>
    </message>
    <message>
        <source>If you read it in your inbox, sending works. In Gmail, open the message menu and choose &quot;Show original&quot;: SPF, DKIM and DMARC should all say PASS.</source>
        <translation>Os ydych yn ei darllen yn eich mewnflwch, mae anfon yn gweithio. Yn Gmail, agorwch ddewislen y neges a dewis &quot;Dangos y gwreiddiol&quot;: dylai SPF, DKIM a DMARC i gyd ddweud PASS.</translation>
    </message>
    <message>
        <source>Test id: %1</source>
        <translation>Rhif adnabod y prawf: %1</translation>
    </message>
</context>
<context>
    <name>postwr::pages::AccountsPage</name>
    <message>
        <source>Enter the address of the account, e.g. me@%1.</source>
        <translation>Rhowch gyfeiriad y cyfrif, e.e. me@%1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an email address.</source>
        <translation>Nid yw &quot;%1&quot; yn gyfeiriad e-bost.</translation>
    </message>
    <message>
        <source>The account must be at your domain %1.</source>
        <translation>Rhaid i&apos;r cyfrif fod yn eich parth %1.</translation>
    </message>
    <message numerus="yes">
        <source>The password needs at least %n character(s), or let Postwr make one.</source>
        <translation>
            <numerusform>Mae angen o leiaf %n nod yn y cyfrinair, neu gadewch i Postwr greu un.</numerusform>
            <numerusform>Mae angen o leiaf %n nod yn y cyfrinair, neu gadewch i Postwr greu un.</numerusform>
            <numerusform>Mae angen o leiaf %n nod yn y cyfrinair, neu gadewch i Postwr greu un.</numerusform>
            <numerusform>Mae angen o leiaf %n nod yn y cyfrinair, neu gadewch i Postwr greu un.</numerusform>
            <numerusform>Mae angen o leiaf %n nod yn y cyfrinair, neu gadewch i Postwr greu un.</numerusform>
        </translation>
    </message>
    <message>
        <source>List the accounts</source>
        <translation>Rhestru&apos;r cyfrifon</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Ychwanegu %1</translation>
    </message>
    <message>
        <source>The password of %1, shown only now: copy it to your password manager.</source>
        <translation>Cyfrinair %1, yn cael ei ddangos nawr yn unig: copïwch ef i&apos;ch rheolwr cyfrineiriau.</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Dileu %1</translation>
    </message>
    <message>
        <source>Sender accounts</source>
        <translation>Cyfrifon anfon</translation>
    </message>
    <message>
        <source>Each address you send from needs an account on the server, with a password for your mail program or Gmail. Mail to the addresses arrives as the forwarding page says.</source>
        <translation>Mae angen cyfrif ar y gweinydd ar gyfer pob cyfeiriad rydych yn anfon ohono, gyda chyfrinair ar gyfer eich rhaglen bost neu Gmail. Mae post i&apos;r cyfeiriadau&apos;n cyrraedd fel y mae&apos;r dudalen anfon ymlaen yn ei ddweud.</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Cyfeiriad:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Cyf&amp;rinair:</translation>
    </message>
    <message>
        <source>&amp;Generate a strong password</source>
        <translation>Cr&amp;eu cyfrinair cryf</translation>
    </message>
    <message>
        <source>&amp;Add or change password</source>
        <translation>Ychw&amp;anegu neu newid cyfrinair</translation>
    </message>
    <message>
        <source>&amp;Remove the selected account</source>
        <translation>Di&amp;leu&apos;r cyfrif a ddewiswyd</translation>
    </message>
</context>
<context>
    <name>postwr::pages::BackupPage</name>
    <message>
        <source>&quot;%1&quot; is not the SSH address of a git repository: copy it from the repository&apos;s page, where it looks like git@github.com:you/mail-config.git.</source>
        <translation>Nid yw &quot;%1&quot; yn gyfeiriad SSH ystorfa git: copïwch ef o dudalen yr ystorfa, lle mae&apos;n edrych fel git@github.com:you/mail-config.git.</translation>
    </message>
    <message numerus="yes">
        <source>Choose a passphrase of at least %n character(s).</source>
        <translation>
            <numerusform>Dewiswch gyfrinymadrodd ag o leiaf %n nod.</numerusform>
            <numerusform>Dewiswch gyfrinymadrodd ag o leiaf %n nod.</numerusform>
            <numerusform>Dewiswch gyfrinymadrodd ag o leiaf %n nod.</numerusform>
            <numerusform>Dewiswch gyfrinymadrodd ag o leiaf %n nod.</numerusform>
            <numerusform>Dewiswch gyfrinymadrodd ag o leiaf %n nod.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Nid yw&apos;r ddau gyfrinymadrodd yr un fath.</translation>
    </message>
    <message>
        <source>&amp;Save and push</source>
        <translation>Ca&amp;dw a gwthio</translation>
    </message>
    <message>
        <source>&amp;Set up the backup</source>
        <translation>Go&amp;sod y copi wrth gefn</translation>
    </message>
    <message>
        <source>Read how the backup stands</source>
        <translation>Darllen cyflwr y copi wrth gefn</translation>
    </message>
    <message>
        <source>Set up the backup</source>
        <translation>Gosod y copi wrth gefn</translation>
    </message>
    <message>
        <source>Push the backup</source>
        <translation>Gwthio&apos;r copi wrth gefn</translation>
    </message>
    <message>
        <source>Download the backup</source>
        <translation>Lawrlwytho&apos;r copi wrth gefn</translation>
    </message>
    <message>
        <source>Saved as &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt; (secrets inside as encrypted as in the repository).</source>
        <translation>Wedi&apos;i gadw fel &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt; (mae&apos;r cyfrinachau ynddo wedi&apos;u hamgryptio yn yr un modd ag yn yr ystorfa).</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Copi wrth gefn</translation>
    </message>
    <message>
        <source>Postwr keeps the server&apos;s configuration (accounts, forwarding, DKIM keys, certificate) in git and pushes every change to a private repository of yours, e.g. on GitHub. If the server is lost, a new one takes over from the backup with the same DNS records.</source>
        <translation>Mae Postwr yn cadw ffurfweddiad y gweinydd (cyfrifon, anfon ymlaen, allweddi DKIM, tystysgrif) yn git ac yn gwthio pob newid i ystorfa breifat sy&apos;n eiddo i chi, e.e. ar GitHub. Os collir y gweinydd, gall un newydd gymryd ei le o&apos;r copi wrth gefn, gyda&apos;r un cofnodion DNS.</translation>
    </message>
    <message>
        <source>&amp;Encrypt the secrets (DKIM keys, password hashes, TLS key) with a passphrase</source>
        <translation>&amp;Amgryptio&apos;r cyfrinachau (allweddi DKIM, hashiau cyfrineiriau, allwedd TLS) â chyfrinymadrodd</translation>
    </message>
    <message>
        <source>Private &amp;repository (SSH address):</source>
        <translation>Ystorfa b&amp;reifat (cyfeiriad SSH):</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>Cyfrin&amp;ymadrodd:</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>&amp;Eto:</translation>
    </message>
    <message>
        <source>git@github.com:you/mail-config.git (empty: keep it on the server only)</source>
        <translation>git@github.com:you/mail-config.git (gwag: ei gadw ar y gweinydd yn unig)</translation>
    </message>
    <message>
        <source>Keep the passphrase somewhere safe, away from the server: restoring asks for it, and nobody can recover it.</source>
        <translation>Cadwch y cyfrinymadrodd yn rhywle diogel, ar wahân i&apos;r gweinydd: bydd ei angen wrth adfer, ac ni all neb ei adennill.</translation>
    </message>
    <message>
        <source>The server pushes with this deploy key of its own. Add it to the repository&apos;s deploy keys and allow it write access (on GitHub: Settings, Deploy keys, Add deploy key, &quot;Allow write access&quot;), then push.</source>
        <translation>Mae&apos;r gweinydd yn gwthio gyda&apos;r allwedd leoli (deploy key) hon sy&apos;n eiddo iddo ef ei hun. Ychwanegwch hi at allweddi lleoli&apos;r ystorfa a rhowch fynediad ysgrifennu iddi (ar GitHub: Settings, Deploy keys, Add deploy key, &quot;Allow write access&quot; (caniatáu mynediad ysgrifennu)), yna gwthiwch.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>C&amp;opïo</translation>
    </message>
    <message>
        <source>&amp;Push now</source>
        <translation>G&amp;wthio nawr</translation>
    </message>
    <message>
        <source>&amp;Download backup</source>
        <translation>&amp;Lawrlwytho&apos;r copi wrth gefn</translation>
    </message>
</context>
<context>
    <name>postwr::pages::CertificatePage</name>
    <message>
        <source>&quot;%1&quot; is not an email address.</source>
        <translation>Nid yw &quot;%1&quot; yn gyfeiriad e-bost.</translation>
    </message>
    <message>
        <source>Give the full path on the server, starting with /: &quot;%1&quot;.</source>
        <translation>Rhowch y llwybr llawn ar y gweinydd, gan ddechrau â /: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Give both files on the server: the certificate chain and its private key.</source>
        <translation>Rhowch y ddwy ffeil ar y gweinydd: y gadwyn dystysgrifau a&apos;i hallwedd breifat.</translation>
    </message>
    <message>
        <source>Read the certificate</source>
        <translation>Darllen y dystysgrif</translation>
    </message>
    <message>
        <source>No certificate yet: mail programs cannot send through the server until it has one.</source>
        <translation>Dim tystysgrif eto: ni all rhaglenni post anfon drwy&apos;r gweinydd nes bod ganddo un.</translation>
    </message>
    <message>
        <source>TLS certificate</source>
        <translation>Tystysgrif TLS</translation>
    </message>
    <message>
        <source>Mail programs and other servers encrypt their connections to yours with TLS; they trust it when its certificate comes from a known authority and names %1.</source>
        <translation>Mae rhaglenni post a gweinyddion eraill yn amgryptio eu cysylltiadau â&apos;ch gweinydd chi gyda TLS; maen nhw&apos;n ymddiried ynddo pan fydd ei dystysgrif yn dod gan awdurdod adnabyddus ac yn enwi %1.</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>eich gweinydd</translation>
    </message>
    <message>
        <source>&amp;Let&apos;s Encrypt: free, trusted everywhere, renewed by itself (port 80 must be open for a moment)</source>
        <translation>&amp;Let&apos;s Encrypt: am ddim, ymddiriedir ynddo ym mhobman, yn adnewyddu ei hun (rhaid i borth 80 fod ar agor am ennyd)</translation>
    </message>
    <message>
        <source>A certificate &amp;already on the server</source>
        <translation>Tystysgrif &amp;sydd eisoes ar y gweinydd</translation>
    </message>
    <message>
        <source>A new &amp;self-signed certificate (testing only: mail programs warn about it)</source>
        <translation>Tystysgrif &amp;hunan-lofnodedig newydd (ar gyfer profi yn unig: mae rhaglenni post yn rhybuddio amdani)</translation>
    </message>
    <message>
        <source>&amp;Email for expiry notices (optional):</source>
        <translation>&amp;E-bost ar gyfer rhybuddion dod i ben (dewisol):</translation>
    </message>
    <message>
        <source>&amp;Certificate chain:</source>
        <translation>Cadwyn &amp;dystysgrifau:</translation>
    </message>
    <message>
        <source>Private &amp;key:</source>
        <translation>&amp;Allwedd breifat:</translation>
    </message>
    <message>
        <source>you@example.org</source>
        <translation>you@example.org</translation>
    </message>
    <message>
        <source>&amp;Get the certificate</source>
        <translation>Cael y dys&amp;tysgrif</translation>
    </message>
    <message>
        <source>Give a Cloudflare API token with the permission Zone, DNS, Edit for your domain (Cloudflare&apos;s dashboard: My Profile, API Tokens).</source>
        <translation>Rhowch docyn API Cloudflare sydd â&apos;r caniatâd Zone, DNS, Edit ar gyfer eich parth (yn nangosfwrdd Cloudflare: My Profile, API Tokens).</translation>
    </message>
    <message>
        <source>The certificate is there, but the Cloudflare token could not be kept in the keyring: %1</source>
        <translation>Mae&apos;r dystysgrif yn ei lle, ond ni ellid cadw&apos;r tocyn Cloudflare yn y cylch allweddi: %1</translation>
    </message>
    <message>
        <source>Let&apos;s Encrypt through Cloudflare&apos;s &amp;DNS, for servers whose port 80 cannot be opened</source>
        <translation>Let&apos;s Encrypt d&amp;rwy DNS Cloudflare, ar gyfer gweinyddion na ellir agor eu porth 80</translation>
    </message>
    <message>
        <source>Cloudflare API &amp;token:</source>
        <translation>T&amp;ocyn API Cloudflare:</translation>
    </message>
</context>
<context>
    <name>postwr::pages::ConnectPage</name>
    <message>
        <source>Connect to your server</source>
        <translation>Cysylltu â&apos;ch gweinydd</translation>
    </message>
    <message>
        <source>Postwr sets up your server over SSH, the way you log in to it yourself. Give its address and how you log in; nothing is changed on it before you agree.</source>
        <translation>Mae Postwr yn gosod eich gweinydd dros SSH, yr un ffordd ag yr ydych chi&apos;n mewngofnodi iddo. Rhowch ei gyfeiriad a sut rydych yn mewngofnodi; does dim yn newid arno cyn i chi gytuno.</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>&amp;Cyfeiriad y gweinydd:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Porth:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Defnyddiwr:</translation>
    </message>
    <message>
        <source>Log in &amp;with:</source>
        <translation>Mewngofnodi &amp;gyda:</translation>
    </message>
    <message>
        <source>&amp;Key file:</source>
        <translation>Ffeil a&amp;llwedd:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>C&amp;yfrinair:</translation>
    </message>
    <message>
        <source>my SSH agent</source>
        <translation>fy asiant SSH</translation>
    </message>
    <message>
        <source>a key file</source>
        <translation>ffeil allwedd</translation>
    </message>
    <message>
        <source>a password</source>
        <translation>cyfrinair</translation>
    </message>
    <message>
        <source>vps.example.org or 203.0.113.5</source>
        <translation>vps.example.org neu 203.0.113.5</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>Cy&amp;sylltu</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address.</source>
        <translation>Rhowch gyfeiriad y gweinydd.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name or IP address: no spaces, slashes or @.</source>
        <translation>Nid yw &quot;%1&quot; yn enw gwesteiwr nac yn gyfeiriad IP: dim bylchau, slaesau nac @.</translation>
    </message>
    <message>
        <source>Enter the user to log in as, e.g. root.</source>
        <translation>Rhowch y defnyddiwr i fewngofnodi fel, e.e. root.</translation>
    </message>
    <message>
        <source>Choose your private key file.</source>
        <translation>Dewiswch eich ffeil allwedd breifat.</translation>
    </message>
    <message>
        <source>Enter the password.</source>
        <translation>Rhowch y cyfrinair.</translation>
    </message>
    <message>
        <source>Pass&amp;phrase (if any):</source>
        <translation>Cyfrin&amp;ymadrodd (os oes un):</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Yn cysylltu â %1…</translation>
    </message>
    <message>
        <source>Not connected: the server&apos;s key was not trusted.</source>
        <translation>Heb gysylltu: ni chafodd allwedd y gweinydd ei hymddiried.</translation>
    </message>
    <message>
        <source>Logging in as %1…</source>
        <translation>Yn mewngofnodi fel %1…</translation>
    </message>
    <message>
        <source>Connected to %1 as %2.</source>
        <translation>Wedi cysylltu â %1 fel %2.</translation>
    </message>
    <message>
        <source>&amp;Try it on this computer first</source>
        <translation>&amp;Rhowch gynnig arni ar y cyfrifiadur hwn yn gyntaf</translation>
    </message>
    <message>
        <source>Sets up a sandbox here: an SSH server standing in for your VPS, a DNS server, and a mail server standing in for Gmail. Nothing leaves this computer.</source>
        <translation>Yn gosod blwch tywod yma: gweinydd SSH yn lle eich VPS, gweinydd DNS, a gweinydd post yn lle Gmail. Does dim yn gadael y cyfrifiadur hwn.</translation>
    </message>
    <message>
        <source>Starting the sandbox: an SSH server, a DNS server and a mail server standing in for Gmail…</source>
        <translation>Yn cychwyn y blwch tywod: gweinydd SSH, gweinydd DNS a gweinydd post yn lle Gmail…</translation>
    </message>
</context>
<context>
    <name>postwr::pages::DnsPage</name>
    <message>
        <source>Read the records %1 needs</source>
        <translation>Darllen y cofnodion sydd eu hangen ar %1</translation>
    </message>
    <message>
        <source>correct</source>
        <translation>cywir</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>ar goll</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>anghywir</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>heb ei wirio</translation>
    </message>
    <message>
        <source>Ask DNS for each record</source>
        <translation>Gofyn i&apos;r DNS am bob cofnod</translation>
    </message>
    <message>
        <source>Export the zone file</source>
        <translation>Allforio&apos;r ffeil parth</translation>
    </message>
    <message>
        <source>Zone files (*.zone *.txt)</source>
        <translation>Ffeiliau parth (*.zone *.txt)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Methu ysgrifennu %1: %2</translation>
    </message>
    <message>
        <source>Saved %1: import it in your DNS provider&apos;s panel.</source>
        <translation>Wedi cadw %1: mewnforiwch hi ym mhanel eich darparwr DNS.</translation>
    </message>
    <message>
        <source>DNS records</source>
        <translation>Cofnodion DNS</translation>
    </message>
    <message>
        <source>Receivers trust your mail when your domain&apos;s DNS says this server may send it. Add these records in your DNS provider&apos;s panel, then check them here; DNS can take a few hours to show changes.</source>
        <translation>Mae derbynwyr yn ymddiried yn eich post pan fo DNS eich parth yn dweud y caiff y gweinydd hwn ei anfon. Ychwanegwch y cofnodion hyn ym mhanel eich darparwr DNS, yna gwiriwch nhw yma; gall gymryd ychydig oriau i&apos;r DNS ddangos newidiadau.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Gwerth</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Copy &amp;name</source>
        <translation>Copïo&apos;r &amp;enw</translation>
    </message>
    <message>
        <source>Copy &amp;value</source>
        <translation>Copïo&apos;r &amp;gwerth</translation>
    </message>
    <message>
        <source>Copy as &amp;quoted pieces</source>
        <translation>Copïo fel darnau mewn &amp;dyfynodau</translation>
    </message>
    <message>
        <source>Copy &amp;all</source>
        <translation>Copïo&apos;r c&amp;yfan</translation>
    </message>
    <message>
        <source>&amp;Export zone file…</source>
        <translation>&amp;Allforio ffeil parth…</translation>
    </message>
    <message>
        <source>&amp;Check DNS</source>
        <translation>&amp;Gwirio&apos;r DNS</translation>
    </message>
    <message>
        <source>Copy a &amp;request to your hosting provider</source>
        <translation>Copïo &amp;cais i&apos;ch darparwr gwe-letya</translation>
    </message>
    <message>
        <source>The reverse DNS (and a blocked port 25) only your hosting provider can fix: a ready-made support request with your addresses, to paste into their ticket form.</source>
        <translation>Dim ond eich darparwr gwe-letya all drwsio&apos;r DNS gwrthdro (a phorth 25 wedi&apos;i rwystro): cais cymorth parod gyda&apos;ch cyfeiriadau, i&apos;w ludo yn eu ffurflen docyn.</translation>
    </message>
    <message>
        <source>published, not seen yet</source>
        <translation>wedi&apos;i gyhoeddi, heb ei weld eto</translation>
    </message>
    <message>
        <source>The blocklists could not be asked: %1</source>
        <translation>Ni ellid holi&apos;r rhestrau blocio: %1</translation>
    </message>
</context>
<context>
    <name>postwr::pages::DomainPage</name>
    <message>
        <source>Only the part after the @: example.org, not me@example.org.</source>
        <translation>Dim ond y rhan ar ôl yr @: example.org, nid me@example.org.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a domain name like example.org.</source>
        <translation>Nid yw &quot;%1&quot; yn enw parth fel example.org.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name like mail.example.org.</source>
        <translation>Nid yw &quot;%1&quot; yn enw gwesteiwr fel mail.example.org.</translation>
    </message>
    <message>
        <source>Your domain</source>
        <translation>Eich parth</translation>
    </message>
    <message>
        <source>Mail will come from addresses at your domain, like you@example.org. The server itself gets a name of its own, usually mail. in front of the domain; receivers look it up to check who is sending.</source>
        <translation>Bydd post yn dod o gyfeiriadau yn eich parth, fel you@example.org. Mae&apos;r gweinydd ei hun yn cael ei enw ei hun, fel arfer mail. o flaen y parth; mae derbynwyr yn chwilio amdano i wirio pwy sy&apos;n anfon.</translation>
    </message>
    <message>
        <source>Mail &amp;domain:</source>
        <translation>&amp;Parth post:</translation>
    </message>
    <message>
        <source>Mail &amp;host name:</source>
        <translation>&amp;Enw gwesteiwr y post:</translation>
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
        <translation>Mae eich gweinydd post yn barod</translation>
    </message>
    <message>
        <source>Server: %1, mail host name %2.</source>
        <translation>Gweinydd: %1, enw gwesteiwr y post %2.</translation>
    </message>
    <message>
        <source>Domain: %1, with mail signed by DKIM.</source>
        <translation>Parth: %1, gyda phost wedi&apos;i lofnodi â DKIM.</translation>
    </message>
    <message>
        <source>Accounts: %1.</source>
        <translation>Cyfrifon: %1.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>dim</translation>
    </message>
    <message>
        <source>Forwarding: none; mail stays on the server.</source>
        <translation>Anfon ymlaen: dim; mae&apos;r post yn aros ar y gweinydd.</translation>
    </message>
    <message>
        <source>Forwarding: everything for @%1 goes to %2.</source>
        <translation>Anfon ymlaen: mae popeth ar gyfer @%1 yn mynd i %2.</translation>
    </message>
    <message>
        <source>Test message: not sent.</source>
        <translation>Neges brawf: heb ei hanfon.</translation>
    </message>
    <message>
        <source>Test message: %1</source>
        <translation>Neges brawf: %1</translation>
    </message>
    <message>
        <source>Receivers trust your mail once the DNS records of your domain (MX, SPF, DKIM, DMARC) and the reverse DNS of the server&apos;s addresses are published; `postwrd dns records %1` on the server prints them.</source>
        <translation>Bydd derbynwyr yn ymddiried yn eich post unwaith y bydd cofnodion DNS eich parth (MX, SPF, DKIM, DMARC) a DNS gwrthdro cyfeiriadau&apos;r gweinydd wedi&apos;u cyhoeddi; mae `postwrd dns records %1` ar y gweinydd yn eu hargraffu.</translation>
    </message>
    <message>
        <source>&amp;Remember this server: the dashboard opens it next time</source>
        <translation>&amp;Cofio&apos;r gweinydd hwn: bydd y dangosfwrdd yn ei agor y tro nesaf</translation>
    </message>
    <message>
        <source>&amp;Keep its passwords in the desktop&apos;s keyring (never in a file)</source>
        <translation>C&amp;adw ei gyfrineiriau yng nghylch allweddi&apos;r bwrdd gwaith (byth mewn ffeil)</translation>
    </message>
</context>
<context>
    <name>postwr::pages::ForwardingPage</name>
    <message>
        <source>&quot;%1&quot; is not an email address like you@gmail.com.</source>
        <translation>Nid yw &quot;%1&quot; yn gyfeiriad e-bost fel you@gmail.com.</translation>
    </message>
    <message>
        <source>Forward to a mailbox elsewhere: mail to %1 would come back here.</source>
        <translation>Anfonwch ymlaen i flwch post mewn man arall: byddai post i %1 yn dod yn ôl yma.</translation>
    </message>
    <message>
        <source>No forwarding: mail stays in the mailboxes on the server.</source>
        <translation>Dim anfon ymlaen: mae&apos;r post yn aros yn y blychau post ar y gweinydd.</translation>
    </message>
    <message>
        <source>Mail to any address at %1 goes to %2.</source>
        <translation>Mae post i unrhyw gyfeiriad yn %1 yn mynd i %2.</translation>
    </message>
    <message>
        <source>Save to apply.</source>
        <translation>Cadwch i&apos;w roi ar waith.</translation>
    </message>
    <message>
        <source>Forwarding</source>
        <translation>Anfon ymlaen</translation>
    </message>
    <message>
        <source>Your server sends mail, and it can pass on the mail it receives to the mailbox you already read, such as Gmail. Then nothing new needs checking.</source>
        <translation>Mae eich gweinydd yn anfon post, a gall basio&apos;r post y mae&apos;n ei dderbyn ymlaen i&apos;r blwch post rydych eisoes yn ei ddarllen, fel Gmail. Wedyn does dim byd newydd i&apos;w wirio.</translation>
    </message>
    <message>
        <source>&amp;Forward all mail for @%1 to:</source>
        <translation>&amp;Anfon yr holl bost ar gyfer @%1 ymlaen i:</translation>
    </message>
    <message>
        <source>your domain</source>
        <translation>eich parth</translation>
    </message>
    <message>
        <source>you@gmail.com</source>
        <translation>you@gmail.com</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Cadw</translation>
    </message>
</context>
<context>
    <name>postwr::pages::HostKeyQuestion</name>
    <message>
        <source>This is the first connection to %1. It identifies itself with this %2 key:

%3

Trust it only if it is your server&apos;s: on the server, `ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub` shows the same fingerprint.</source>
        <translation>Dyma&apos;r cysylltiad cyntaf â %1. Mae&apos;n dangos pwy ydyw gyda&apos;r allwedd %2 hon:

%3

Ymddiriedwch ynddi dim ond os yw&apos;n perthyn i&apos;ch gweinydd chi: ar y gweinydd, mae `ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub` yn dangos yr un ôl bys.</translation>
    </message>
    <message>
        <source>Trust this server?</source>
        <translation>Ymddiried yn y gweinydd hwn?</translation>
    </message>
    <message>
        <source>&amp;Trust</source>
        <translation>&amp;Ymddiried</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Canslo</translation>
    </message>
</context>
<context>
    <name>postwr::pages::InstallPage</name>
    <message>
        <source>&amp;Run again</source>
        <translation>&amp;Rhedeg eto</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Ceisio eto</translation>
    </message>
    <message>
        <source>Looking at what is there already…</source>
        <translation>Yn edrych ar beth sydd yno eisoes…</translation>
    </message>
    <message>
        <source>postwrd is installed and up to date; installing again changes nothing.</source>
        <translation>Mae postwrd wedi&apos;i osod ac yn gyfredol; ni fydd gosod eto yn newid dim.</translation>
    </message>
    <message>
        <source>Installing will:</source>
        <translation>Bydd gosod yn:</translation>
    </message>
    <message>
        <source>Install the mail server</source>
        <translation>Gosod y gweinydd post</translation>
    </message>
    <message>
        <source>Postwr copies postwrd, its mail server, to the server and starts it as a service that comes back after a reboot. It also makes the key that signs your mail (DKIM), so that receivers can tell it really comes from you.</source>
        <translation>Mae Postwr yn copïo postwrd, ei weinydd post, i&apos;r gweinydd ac yn ei gychwyn fel gwasanaeth sy&apos;n dod yn ôl ar ôl ailgychwyn. Mae hefyd yn creu&apos;r allwedd sy&apos;n llofnodi eich post (DKIM), fel y gall derbynwyr weld ei fod yn dod oddi wrthych chi go iawn.</translation>
    </message>
    <message>
        <source>&amp;Install</source>
        <translation>&amp;Gosod</translation>
    </message>
    <message>
        <source>The sandbox&apos;s DNS server now has the SPF, DKIM and DMARC records of %1.</source>
        <translation>Mae gan weinydd DNS y blwch tywod gofnodion SPF, DKIM a DMARC %1 nawr.</translation>
    </message>
    <message>
        <source>Read the DNS records for the sandbox</source>
        <translation>Darllen y cofnodion DNS ar gyfer y blwch tywod</translation>
    </message>
    <message>
        <source>Reading the DNS records %1 needs</source>
        <translation>Yn darllen y cofnodion DNS sydd eu hangen ar %1</translation>
    </message>
    <message>
        <source>Restore the backup</source>
        <translation>Adfer y copi wrth gefn</translation>
    </message>
</context>
<context>
    <name>postwr::pages::LanguagePage</name>
    <message>
        <source>Welcome</source>
        <translation>Croeso</translation>
    </message>
    <message>
        <source>Postwr turns your server into your own mail server, step by step. Choose the language to use; you can change it later.</source>
        <translation>Mae Postwr yn troi eich gweinydd yn weinydd post eich hun, gam wrth gam. Dewiswch yr iaith i&apos;w defnyddio; gallwch ei newid yn nes ymlaen.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Iaith:</translation>
    </message>
</context>
<context>
    <name>postwr::pages::RecordChoices</name>
    <message>
        <source>&quot;%1&quot; is not a domain name: give the SPF domain your provider names, e.g. _spf.google.com.</source>
        <translation>Nid yw &quot;%1&quot; yn enw parth: rhowch y parth SPF y mae eich darparwr yn ei nodi, e.e. _spf.google.com.</translation>
    </message>
    <message>
        <source>At most 8 other senders fit in SPF&apos;s 10 DNS lookups.</source>
        <translation>Dim ond hyd at 8 anfonwr arall sy&apos;n ffitio yn y 10 chwiliad DNS y mae SPF yn eu caniatáu.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an email address.</source>
        <translation>Nid yw &quot;%1&quot; yn gyfeiriad e-bost.</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>Dewisiadau</translation>
    </message>
    <message>
        <source>&amp;Mail to your domain:</source>
        <translation>&amp;Post i&apos;ch parth:</translation>
    </message>
    <message>
        <source>Other &amp;senders:</source>
        <translation>An&amp;fonwyr eraill:</translation>
    </message>
    <message>
        <source>Mail from other &amp;servers:</source>
        <translation>Post o &amp;weinyddion eraill:</translation>
    </message>
    <message>
        <source>Mail that fails both &amp;checks:</source>
        <translation>Post sy&apos;n &amp;methu&apos;r ddau wiriad:</translation>
    </message>
    <message>
        <source>DMARC &amp;reports to:</source>
        <translation>Ad&amp;roddiadau DMARC at:</translation>
    </message>
    <message>
        <source>Ask D&amp;NS through:</source>
        <translation>&amp;Holi DNS drwy:</translation>
    </message>
    <message>
        <source>arrives at this server (MX here), forwarded as you chose</source>
        <translation>yn cyrraedd y gweinydd hwn (MX yma), ac yn cael ei anfon ymlaen fel y dewisoch</translation>
    </message>
    <message>
        <source>stays with the mail provider I have (no MX change)</source>
        <translation>yn aros gyda&apos;r darparwr post sydd gen i (dim newid i&apos;r MX)</translation>
    </message>
    <message>
        <source>Keep your provider when your mailboxes are at Google Workspace, Microsoft 365 or the like: this server then only sends, and your MX records stay as they are.</source>
        <translation>Cadwch eich darparwr os yw eich blychau post gyda Google Workspace, Microsoft 365 neu debyg: yna dim ond anfon y bydd y gweinydd hwn, a bydd eich cofnodion MX yn aros fel y maent.</translation>
    </message>
    <message>
        <source>e.g. _spf.google.com, spf.protection.outlook.com</source>
        <translation>e.e. _spf.google.com, spf.protection.outlook.com</translation>
    </message>
    <message>
        <source>Servers that also send as your domain, by their SPF domain: your mailbox provider, a newsletter service. SPF then lets them send too.</source>
        <translation>Gweinyddion sydd hefyd yn anfon fel eich parth, wedi&apos;u nodi yn ôl eu parth SPF: darparwr eich blwch post, gwasanaeth cylchlythyr. Yna bydd SPF yn gadael iddyn nhw anfon hefyd.</translation>
    </message>
    <message>
        <source>is marked suspect (~all, recommended)</source>
        <translation>yn cael ei nodi&apos;n amheus (~all, argymhellir)</translation>
    </message>
    <message>
        <source>is refused (-all)</source>
        <translation>yn cael ei wrthod (-all)</translation>
    </message>
    <message>
        <source>~all lets DMARC decide and keeps mail forwarded by others alive; -all asks receivers to refuse everything not sent by the servers listed.</source>
        <translation>Mae ~all yn gadael i DMARC benderfynu ac yn sicrhau bod post a anfonwyd ymlaen gan eraill yn dal i gyrraedd; mae -all yn gofyn i dderbynwyr wrthod popeth nad yw wedi&apos;i anfon gan y gweinyddion a restrwyd.</translation>
    </message>
    <message>
        <source>is only reported (p=none)</source>
        <translation>yn cael ei gynnwys mewn adroddiadau yn unig (p=none)</translation>
    </message>
    <message>
        <source>goes to spam (p=quarantine, recommended)</source>
        <translation>yn mynd i sbam (p=quarantine, argymhellir)</translation>
    </message>
    <message>
        <source>is refused (p=reject)</source>
        <translation>yn cael ei wrthod (p=reject)</translation>
    </message>
    <message>
        <source>DMARC tells receivers what to do with mail that claims to be from your domain but passes neither SPF nor DKIM: forged mail.</source>
        <translation>Mae DMARC yn dweud wrth dderbynwyr beth i&apos;w wneud â phost sy&apos;n honni ei fod yn dod o&apos;ch parth ond nad yw&apos;n pasio SPF na DKIM: post ffug.</translation>
    </message>
    <message>
        <source>Receivers send a daily summary (rua) there, as XML; fo=1 asks them to count every message that failed SPF or DKIM, not only those that failed both.</source>
        <translation>Mae derbynwyr yn anfon crynodeb dyddiol (rua) yno, ar ffurf XML; mae fo=1 yn gofyn iddyn nhw gyfrif pob neges a fethodd SPF neu DKIM, nid dim ond y rhai a fethodd y ddau.</translation>
    </message>
    <message>
        <source>this computer&apos;s resolver</source>
        <translation>datryswr y cyfrifiadur hwn</translation>
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
        <translation>Efallai y bydd datryswr arall yn dal i gofio ateb hŷn am ryw awr; caiff gweinyddion enwau eich parth ei hun eu holi hefyd.</translation>
    </message>
</context>
<context>
    <name>postwr::pages::RestoreChoice</name>
    <message>
        <source>Give the backup&apos;s repository (its SSH address) or choose a downloaded backup.</source>
        <translation>Rhowch ystorfa&apos;r copi wrth gefn (ei chyfeiriad SSH) neu dewiswch gopi wrth gefn a lawrlwythwyd.</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>Nid oes ffeil %1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither the SSH address of a git repository (git@github.com:you/mail-config.git) nor a .tar.gz backup.</source>
        <translation>Nid yw &quot;%1&quot; yn gyfeiriad SSH ystorfa git (git@github.com:you/mail-config.git) nac yn gopi wrth gefn .tar.gz.</translation>
    </message>
    <message>
        <source>Choose a downloaded backup</source>
        <translation>Dewis copi wrth gefn a lawrlwythwyd</translation>
    </message>
    <message>
        <source>Postwr backups (*.tar.gz *.tgz)</source>
        <translation>Copïau wrth gefn Postwr (*.tar.gz *.tgz)</translation>
    </message>
    <message>
        <source>&amp;Restore the backup of a server you had</source>
        <translation>&amp;Adfer copi wrth gefn gweinydd a oedd gennych</translation>
    </message>
    <message>
        <source>Its &amp;passphrase:</source>
        <translation>Ei gyfrin&amp;ymadrodd:</translation>
    </message>
    <message>
        <source>&amp;Backup:</source>
        <translation>Copi &amp;wrth gefn:</translation>
    </message>
    <message>
        <source>git@github.com:you/mail-config.git, or a .tar.gz</source>
        <translation>git@github.com:you/mail-config.git, neu ffeil .tar.gz</translation>
    </message>
    <message>
        <source>Choose a &amp;file…</source>
        <translation>Dewis &amp;ffeil…</translation>
    </message>
    <message>
        <source>The accounts, forwarding, DKIM key and certificate come back as they were; this server keeps its own addresses. For a repository, the server makes a deploy key of its own: when the repository refuses it, add it there (read access is enough to restore, write access to go on backing up) and install again.</source>
        <translation>Daw&apos;r cyfrifon, yr anfon ymlaen, yr allwedd DKIM a&apos;r dystysgrif yn ôl fel yr oeddent; mae&apos;r gweinydd hwn yn cadw ei gyfeiriadau ei hun. Ar gyfer ystorfa, mae&apos;r gweinydd yn creu ei allwedd leoli (deploy key) ei hun: os yw&apos;r ystorfa&apos;n ei gwrthod, ychwanegwch hi yno (mae mynediad darllen yn ddigon i adfer, a mynediad ysgrifennu i barhau i wneud copïau wrth gefn) a gosodwch eto.</translation>
    </message>
</context>
<context>
    <name>postwr::pages::SendAsPanel</name>
    <message>
        <source>Use with Gmail</source>
        <translation>Defnyddio gyda Gmail</translation>
    </message>
    <message>
        <source>In Gmail: Settings, &quot;Accounts and Import&quot;, &quot;Send mail as&quot;, &quot;Add another email address&quot;. Give your name and %1, untick &quot;Treat as an alias&quot; if you like, then:</source>
        <translation>Yn Gmail: Settings, &quot;Accounts and Import&quot;, &quot;Send mail as&quot;, &quot;Add another email address&quot;. Rhowch eich enw a %1, dad-diciwch &quot;Treat as an alias&quot; os hoffech, yna:</translation>
    </message>
    <message>
        <source>SMTP Server:</source>
        <translation>Gweinydd SMTP:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Porth:</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Enw defnyddiwr:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Cyfrinair:</translation>
    </message>
    <message>
        <source>Security:</source>
        <translation>Diogelwch:</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copïo</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>Copïo %1</translation>
    </message>
    <message>
        <source>the password of %1</source>
        <translation>cyfrinair %1</translation>
    </message>
    <message>
        <source>Secured connection using SSL</source>
        <translation>Cysylltiad diogel yn defnyddio SSL</translation>
    </message>
    <message>
        <source>Secured connection using TLS (recommended)</source>
        <translation>Cysylltiad diogel yn defnyddio TLS (argymhellir)</translation>
    </message>
    <message>
        <source>Gmail then sends a confirmation code to %1; with forwarding on, it arrives in your Gmail a moment later. Paste it, and Gmail can send as %1.</source>
        <translation>Yna mae Gmail yn anfon cod cadarnhau i %1; os yw anfon ymlaen ar waith, bydd yn cyrraedd eich Gmail ymhen eiliad. Gludwch ef, a gall Gmail anfon fel %1.</translation>
    </message>
    <message>
        <source>Thunderbird, Outlook and Apple Mail: outgoing (SMTP) server %1, port %2, %3, normal password, user name %4. Their automatic setup (autoconfig, autodiscover) does not apply: this server sends and forwards but keeps no IMAP mailbox, so enter these by hand.</source>
        <translation>Thunderbird, Outlook ac Apple Mail: gweinydd post allan (SMTP) %1, porth %2, %3, cyfrinair arferol, enw defnyddiwr %4. Nid yw eu gosod awtomatig (autoconfig, autodiscover) yn berthnasol: mae&apos;r gweinydd hwn yn anfon ac yn anfon ymlaen ond nid yw&apos;n cadw blwch post IMAP, felly rhowch y rhain â llaw.</translation>
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
        <translation>Does dim yn sefyll yn y ffordd.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to look at; you can go on and fix them later.</source>
        <translation>
            <numerusform>Problemau i edrych arnynt: %n; gallwch fynd ymlaen a&apos;u trwsio yn nes ymlaen.</numerusform>
            <numerusform>Problemau i edrych arnynt: %n; gallwch fynd ymlaen a&apos;u trwsio yn nes ymlaen.</numerusform>
            <numerusform>Problemau i edrych arnynt: %n; gallwch fynd ymlaen a&apos;u trwsio yn nes ymlaen.</numerusform>
            <numerusform>Problemau i edrych arnynt: %n; gallwch fynd ymlaen a&apos;u trwsio yn nes ymlaen.</numerusform>
            <numerusform>Problemau i edrych arnynt: %n; gallwch fynd ymlaen a&apos;u trwsio yn nes ymlaen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Server check</source>
        <translation>Gwirio&apos;r gweinydd</translation>
    </message>
    <message>
        <source>Postwr looks at the server before changing anything: its system, memory and disk, its addresses and their reverse DNS, and whether mail can go in and out.</source>
        <translation>Mae Postwr yn edrych ar y gweinydd cyn newid dim: ei system, ei gof a&apos;i ddisg, ei gyfeiriadau a&apos;u DNS gwrthdro, ac a all post fynd i mewn ac allan.</translation>
    </message>
</context>
<context>
    <name>postwr::pages::SetupWizard</name>
    <message>
        <source>Postwr: your own mail server</source>
        <translation>Postwr: eich gweinydd post eich hun</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Iaith</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Yn ôl</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Nesaf &gt;</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Gorffen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
</context>
<context>
    <name>postwr::pages::StepRunView</name>
    <message>
        <source>Cancelled. Nothing is left half done: run the step again when you are ready.</source>
        <translation>Wedi&apos;i ganslo. Does dim wedi&apos;i adael ar ei hanner: rhedwch y cam eto pan fyddwch yn barod.</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Cam %1 o %2: %3</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Yn canslo…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Wedi gorffen.</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>&amp;Canslo</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Canlyniadau</translation>
    </message>
</context>
<context>
    <name>postwr::pages::TestMailPage</name>
    <message>
        <source>The test message was delivered, signed.</source>
        <translation>Danfonwyd y neges brawf, wedi&apos;i llofnodi.</translation>
    </message>
    <message>
        <source>Add an account on the accounts page first.</source>
        <translation>Ychwanegwch gyfrif ar y dudalen cyfrifon yn gyntaf.</translation>
    </message>
    <message>
        <source>Enter the password of %1.</source>
        <translation>Rhowch gyfrinair %1.</translation>
    </message>
    <message>
        <source>Enter an address to send to, such as your Gmail address.</source>
        <translation>Rhowch gyfeiriad i anfon ato, fel eich cyfeiriad Gmail.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an email address.</source>
        <translation>Nid yw &quot;%1&quot; yn gyfeiriad e-bost.</translation>
    </message>
    <message>
        <source>Send a test message</source>
        <translation>Anfon neges brawf</translation>
    </message>
    <message>
        <source>One click sends a message from this computer through your server, the way Gmail or your mail program will, and follows it until the receiver has it. If anything is wrong, the report says what and what to do.</source>
        <translation>Mae un clic yn anfon neges o&apos;r cyfrifiadur hwn drwy eich gweinydd, yn yr un ffordd ag y bydd Gmail neu eich rhaglen bost yn ei wneud, ac yn ei dilyn nes bod y derbynnydd wedi&apos;i chael. Os oes unrhyw beth o&apos;i le, mae&apos;r adroddiad yn dweud beth, a beth i&apos;w wneud.</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Oddi wrth:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Cyf&amp;rinair:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;At:</translation>
    </message>
    <message>
        <source>&amp;Connection:</source>
        <translation>&amp;Cysylltiad:</translation>
    </message>
    <message>
        <source>you@gmail.com</source>
        <translation>you@gmail.com</translation>
    </message>
    <message>
        <source>&amp;Let the server check it itself (SPF, DKIM, DMARC; no mailbox needed)</source>
        <translation>&amp;Gadael i&apos;r gweinydd ei gwirio ei hun (SPF, DKIM, DMARC; dim angen blwch post)</translation>
    </message>
    <message>
        <source>Port %1, STARTTLS</source>
        <translation>Porth %1, STARTTLS</translation>
    </message>
    <message>
        <source>Port %1, TLS</source>
        <translation>Porth %1, TLS</translation>
    </message>
    <message>
        <source>&amp;Send test message</source>
        <translation>Anfon neges &amp;brawf</translation>
    </message>
</context>
<context>
    <name>postwr::remote</name>
    <message>
        <source>The server did not let the command start: %1</source>
        <translation>Ni adawodd y gweinydd i&apos;r gorchymyn ddechrau: %1</translation>
    </message>
    <message>
        <source>The connection to the server broke: %1</source>
        <translation>Torrodd y cysylltiad â&apos;r gweinydd: %1</translation>
    </message>
    <message>
        <source>Cannot read the key file %1: %2.</source>
        <translation>Methu darllen y ffeil allwedd %1: %2.</translation>
    </message>
    <message>
        <source>The key file %1 is protected by a passphrase. Enter the passphrase.</source>
        <translation>Mae&apos;r ffeil allwedd %1 wedi&apos;i diogelu gan gyfrinymadrodd. Rhowch y cyfrinymadrodd.</translation>
    </message>
    <message>
        <source>Wrong passphrase for the key file %1.</source>
        <translation>Cyfrinymadrodd anghywir ar gyfer y ffeil allwedd %1.</translation>
    </message>
    <message>
        <source>%1 is not a private key Postwr can use. Choose the private key file (such as id_ed25519), not the .pub file.</source>
        <translation>Nid yw %1 yn allwedd breifat y gall Postwr ei defnyddio. Dewiswch y ffeil allwedd breifat (fel id_ed25519), nid y ffeil .pub.</translation>
    </message>
    <message>
        <source>%1 refused the connection on port %2. Check the port, and that the SSH server is running.</source>
        <translation>Gwrthododd %1 y cysylltiad ar borth %2. Gwiriwch y porth, a bod y gweinydd SSH yn rhedeg.</translation>
    </message>
    <message>
        <source>No answer from %1 on port %2 within %3 seconds. Check the address and the port, and that no firewall blocks SSH.</source>
        <translation>Dim ateb gan %1 ar borth %2 o fewn %3 eiliad. Gwiriwch y cyfeiriad a&apos;r porth, ac nad oes mur gwarchod yn rhwystro SSH.</translation>
    </message>
    <message>
        <source>The host name %1 was not found. Check it for typos, or use the server&apos;s IP address.</source>
        <translation>Ni chafwyd hyd i&apos;r enw gwesteiwr %1. Gwiriwch am wallau teipio, neu defnyddiwch gyfeiriad IP y gweinydd.</translation>
    </message>
    <message>
        <source>%1 cannot be reached from this computer. Check your network connection and the address.</source>
        <translation>Ni ellir cyrraedd %1 o&apos;r cyfrifiadur hwn. Gwiriwch eich cysylltiad rhwydwaith a&apos;r cyfeiriad.</translation>
    </message>
    <message>
        <source>Cannot connect to %1 on port %2: %3</source>
        <translation>Methu cysylltu â %1 ar borth %2: %3</translation>
    </message>
    <message>
        <source>The server sent no host key: %1</source>
        <translation>Ni anfonodd y gweinydd allwedd gwesteiwr: %1</translation>
    </message>
    <message>
        <source>Cannot compute the server&apos;s key fingerprint.</source>
        <translation>Methu cyfrifo ôl bys allwedd y gweinydd.</translation>
    </message>
    <message>
        <source>Cannot read the list of trusted servers %1: %2</source>
        <translation>Methu darllen y rhestr o weinyddion dibynadwy %1: %2</translation>
    </message>
    <message>
        <source>Cannot start an SSH session: out of memory.</source>
        <translation>Methu dechrau sesiwn SSH: dim digon o gof.</translation>
    </message>
    <message>
        <source>The server&apos;s identity changed: %1 port %2 now shows the key %3, not the one you trusted before. This can mean an attack. If you reinstalled the server, remove its old entry from %4; otherwise do not connect.</source>
        <translation>Newidiodd hunaniaeth y gweinydd: mae %1 porth %2 bellach yn dangos yr allwedd %3, nid yr un yr oeddech yn ymddiried ynddi o&apos;r blaen. Gall hyn olygu ymosodiad. Os gwnaethoch ailosod y gweinydd, tynnwch ei hen gofnod o %4; fel arall peidiwch â chysylltu.</translation>
    </message>
    <message>
        <source>Not connected to a server.</source>
        <translation>Heb gysylltu â gweinydd.</translation>
    </message>
    <message>
        <source>Cannot save the trusted server in %1: %2</source>
        <translation>Methu cadw&apos;r gweinydd dibynadwy yn %1: %2</translation>
    </message>
    <message>
        <source>Confirm the server&apos;s fingerprint before logging in.</source>
        <translation>Cadarnhewch ôl bys y gweinydd cyn mewngofnodi.</translation>
    </message>
    <message>
        <source>The server wants a second way of logging in after this one for user %1 (AuthenticationMethods in its sshd_config). Postwr logs in with one: a key, or a password.</source>
        <translation>Mae&apos;r gweinydd eisiau ail ffordd o fewngofnodi ar ôl hon ar gyfer y defnyddiwr %1 (AuthenticationMethods yn ei sshd_config). Mae Postwr yn mewngofnodi ag un: allwedd, neu gyfrinair.</translation>
    </message>
    <message>
        <source>The connection to %1 broke during login: %2</source>
        <translation>Torrodd y cysylltiad â %1 wrth fewngofnodi: %2</translation>
    </message>
    <message>
        <source>The server refused the login of user %1.</source>
        <translation>Gwrthododd y gweinydd fewngofnodi&apos;r defnyddiwr %1.</translation>
    </message>
    <message>
        <source>The server does not accept key login for user %1. Choose password login.</source>
        <translation>Nid yw&apos;r gweinydd yn derbyn mewngofnodi ag allwedd ar gyfer y defnyddiwr %1. Dewiswch fewngofnodi â chyfrinair.</translation>
    </message>
    <message>
        <source>No SSH agent is running for you (SSH_AUTH_SOCK is not set). Start one and add your key with ssh-add, or choose a key file.</source>
        <translation>Nid oes asiant SSH yn rhedeg i chi (nid yw SSH_AUTH_SOCK wedi&apos;i osod). Dechreuwch un ac ychwanegwch eich allwedd ag ssh-add, neu dewiswch ffeil allwedd.</translation>
    </message>
    <message>
        <source>The server accepted none of the keys in your SSH agent for user %1. Add the right key with ssh-add, or choose a key file.</source>
        <translation>Ni dderbyniodd y gweinydd yr un o&apos;r allweddi yn eich asiant SSH ar gyfer y defnyddiwr %1. Ychwanegwch yr allwedd gywir ag ssh-add, neu dewiswch ffeil allwedd.</translation>
    </message>
    <message>
        <source>The server refused the key %1 for user %2. Check that its public key is in ~/.ssh/authorized_keys of %2 on the server.</source>
        <translation>Gwrthododd y gweinydd yr allwedd %1 ar gyfer y defnyddiwr %2. Gwiriwch fod ei hallwedd gyhoeddus yn ~/.ssh/authorized_keys %2 ar y gweinydd.</translation>
    </message>
    <message>
        <source>The server does not accept password login for user %1. Choose a key.</source>
        <translation>Nid yw&apos;r gweinydd yn derbyn mewngofnodi â chyfrinair ar gyfer y defnyddiwr %1. Dewiswch allwedd.</translation>
    </message>
    <message>
        <source>The server refused the password for user %1.</source>
        <translation>Gwrthododd y gweinydd y cyfrinair ar gyfer y defnyddiwr %1.</translation>
    </message>
    <message>
        <source>At login the server asks &quot;%1&quot;, which Postwr cannot answer. Use a key instead.</source>
        <translation>Wrth fewngofnodi mae&apos;r gweinydd yn gofyn &quot;%1&quot;, na all Postwr ei ateb. Defnyddiwch allwedd yn lle hynny.</translation>
    </message>
    <message>
        <source>Not logged in to %1.</source>
        <translation>Heb fewngofnodi i %1.</translation>
    </message>
    <message>
        <source>Cannot find out whether user %1 is root (id -u failed): %2</source>
        <translation>Methu canfod ai root yw&apos;r defnyddiwr %1 (methodd id -u): %2</translation>
    </message>
    <message>
        <source>The server does not offer file transfer (SFTP): %1. Install openssh-sftp-server, or check the Subsystem line of sshd_config.</source>
        <translation>Nid yw&apos;r gweinydd yn cynnig trosglwyddo ffeiliau (SFTP): %1. Gosodwch openssh-sftp-server, neu gwiriwch linell Subsystem sshd_config.</translation>
    </message>
    <message>
        <source>%1 does not exist on the server.</source>
        <translation>Nid yw %1 yn bodoli ar y gweinydd.</translation>
    </message>
    <message>
        <source>User %1 has no permission for %2 on the server.</source>
        <translation>Nid oes gan y defnyddiwr %1 ganiatâd i %2 ar y gweinydd.</translation>
    </message>
    <message>
        <source>File transfer of %1 failed: %2</source>
        <translation>Methodd trosglwyddo %1: %2</translation>
    </message>
    <message>
        <source>Cannot put %1 in place: %2</source>
        <translation>Methu rhoi %1 yn ei le: %2</translation>
    </message>
    <message>
        <source>Writing %1 as root took too long and was stopped.</source>
        <translation>Cymerodd ysgrifennu %1 fel root ormod o amser a chafodd ei atal.</translation>
    </message>
    <message>
        <source>Cannot write %1 as root: %2</source>
        <translation>Methu ysgrifennu %1 fel root: %2</translation>
    </message>
    <message>
        <source>%1 is larger than %2 bytes, too large to read.</source>
        <translation>Mae %1 yn fwy na %2 beit, yn rhy fawr i&apos;w ddarllen.</translation>
    </message>
    <message>
        <source>Commands as root need sudo here, and sudo asks for the password of user %1. Enter that password and try again.</source>
        <translation>Mae angen sudo ar orchmynion fel root yma, ac mae sudo yn gofyn am gyfrinair y defnyddiwr %1. Rhowch y cyfrinair hwnnw a rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>sudo did not accept the password of user %1. Check it and try again.</source>
        <translation>Ni dderbyniodd sudo gyfrinair y defnyddiwr %1. Gwiriwch ef a rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>User %1 may not use sudo on this server. Log in as root, or ask the server&apos;s administrator to allow sudo for %1.</source>
        <translation>Ni chaiff y defnyddiwr %1 ddefnyddio sudo ar y gweinydd hwn. Mewngofnodwch fel root, neu gofynnwch i weinyddwr y gweinydd ganiatáu sudo i %1.</translation>
    </message>
    <message>
        <source>sudo is not installed on this server. Log in as root, or install sudo as root first.</source>
        <translation>Nid yw sudo wedi&apos;i osod ar y gweinydd hwn. Mewngofnodwch fel root, neu gosodwch sudo fel root yn gyntaf.</translation>
    </message>
    <message>
        <source>sudo did not run the command: %1</source>
        <translation>Ni redodd sudo y gorchymyn: %1</translation>
    </message>
</context>
<context>
    <name>postwr::sandbox::Sandbox</name>
    <message>
        <source>%1 is not empty and is no sandbox of postwr: choose another --sandbox-dir, or empty it.</source>
        <translation>Nid yw %1 yn wag ac nid yw&apos;n flwch tywod postwr: dewiswch --sandbox-dir arall, neu gwagiwch ef.</translation>
    </message>
    <message>
        <source>Cannot remove the previous sandbox %1.</source>
        <translation>Methu dileu&apos;r blwch tywod blaenorol %1.</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>Methu creu %1.</translation>
    </message>
    <message>
        <source>Cannot write in %1.</source>
        <translation>Methu ysgrifennu yn %1.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Methu ysgrifennu %1.</translation>
    </message>
    <message>
        <source>Starting the DNS server (dnsmasq) for sandbox.test and gmail.test</source>
        <translation>Yn cychwyn y gweinydd DNS (dnsmasq) ar gyfer sandbox.test a gmail.test</translation>
    </message>
    <message>
        <source>DNS: 127.0.0.1 port %1</source>
        <translation>DNS: 127.0.0.1 porth %1</translation>
    </message>
    <message>
        <source>Starting the receiver standing in for Gmail (postwrd for gmail.test)</source>
        <translation>Yn cychwyn y derbynnydd yn lle Gmail (postwrd ar gyfer gmail.test)</translation>
    </message>
    <message>
        <source>Receiver: %1 on 127.0.0.1 port %2, mail lands in %3</source>
        <translation>Derbynnydd: %1 ar 127.0.0.1 porth %2, mae&apos;r post yn cyrraedd %3</translation>
    </message>
    <message>
        <source>Starting the SSH server (sshd) standing in for the VPS</source>
        <translation>Yn cychwyn y gweinydd SSH (sshd) yn lle&apos;r VPS</translation>
    </message>
    <message>
        <source>SSH: %1@127.0.0.1 port %2, host key %3</source>
        <translation>SSH: %1@127.0.0.1 porth %2, allwedd gwesteiwr %3</translation>
    </message>
    <message>
        <source>No free TCP port on 127.0.0.1.</source>
        <translation>Does dim porth TCP rhydd ar 127.0.0.1.</translation>
    </message>
    <message>
        <source>The sandbox&apos;s plan is not valid: %1</source>
        <translation>Nid yw cynllun y blwch tywod yn ddilys: %1</translation>
    </message>
    <message>
        <source>%1 (shown only now, keep it safe): %2</source>
        <translation>%1 (yn cael ei ddangos nawr yn unig, cadwch ef yn ddiogel): %2</translation>
    </message>
    <message>
        <source>The SSH server on port %1 is not the sandbox&apos;s: its host key is %2.</source>
        <translation>Nid gweinydd SSH y blwch tywod yw&apos;r un ar borth %1: ei allwedd gwesteiwr yw %2.</translation>
    </message>
    <message>
        <source>%1 failed on the server: %2</source>
        <translation>Methodd %1 ar y gweinydd: %2</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>wedi&apos;i ganslo</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>wedi cyrraedd y terfyn amser</translation>
    </message>
    <message>
        <source>exit status %1</source>
        <translation>statws gadael %1</translation>
    </message>
    <message>
        <source>The DNS records sandbox.test needs (postwrd dns records, over SSH)</source>
        <translation>Y cofnodion DNS sydd eu hangen ar sandbox.test (postwrd dns records, dros SSH)</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Crynodeb</translation>
    </message>
    <message>
        <source>[problem] The test message from %1 did not reach %2.</source>
        <translation>[problem] Ni wnaeth y neges brawf o %1 gyrraedd %2.</translation>
    </message>
    <message>
        <source>[good] The test message from %1 reached %2: %3</source>
        <translation>[da] Mae&apos;r neges brawf o %1 wedi cyrraedd %2: %3</translation>
    </message>
    <message>
        <source>[problem] Mail to %1 did not reach %2 by the catch-all.</source>
        <translation>[problem] Ni wnaeth post i %1 gyrraedd %2 drwy&apos;r anfon ymlaen dal-popeth (catch-all).</translation>
    </message>
    <message>
        <source>[good] Mail to %1 reached %2 by the catch-all (%3).</source>
        <translation>[da] Mae post i %1 wedi cyrraedd %2 drwy&apos;r anfon ymlaen dal-popeth (%3).</translation>
    </message>
    <message>
        <source>The sandbox works: mail from your server arrives signed, and the receiver trusts it.</source>
        <translation>Mae&apos;r blwch tywod yn gweithio: mae post o&apos;ch gweinydd yn cyrraedd wedi&apos;i lofnodi, ac mae&apos;r derbynnydd yn ymddiried ynddo.</translation>
    </message>
    <message>
        <source>postwr: the test message did not arrive with a passing DKIM signature; the logs are in %1.</source>
        <translation>postwr: ni chyrhaeddodd y neges brawf gyda llofnod DKIM sy&apos;n pasio; mae&apos;r logiau yn %1.</translation>
    </message>
    <message>
        <source>Stopping the sandbox</source>
        <translation>Yn atal y blwch tywod</translation>
    </message>
    <message>
        <source>Stopped. Configs and logs stay in %1 until the next run.</source>
        <translation>Wedi atal. Mae&apos;r ffurfweddiadau a&apos;r logiau&apos;n aros yn %1 tan y tro nesaf y bydd yn rhedeg.</translation>
    </message>
    <message>
        <source>Postwr sandbox in %1: a VPS, a DNS server and a receiving mail server, on this machine&apos;s loopback</source>
        <translation>Blwch tywod Postwr yn %1: VPS, gweinydd DNS a gweinydd post derbyn, ar ryngwyneb dolen-ôl y peiriant hwn</translation>
    </message>
    <message>
        <source>postwr: %1</source>
        <translation>postwr: %1</translation>
    </message>
    <message>
        <source>interrupted.</source>
        <translation>wedi&apos;i dorri ar draws.</translation>
    </message>
    <message>
        <source>Publishing SPF, DKIM and DMARC in the sandbox&apos;s DNS (dnsmasq restarted)</source>
        <translation>Yn cyhoeddi SPF, DKIM a DMARC yn DNS y blwch tywod (ailgychwynnwyd dnsmasq)</translation>
    </message>
    <message>
        <source>[problem] %1</source>
        <translation>[problem] %1</translation>
    </message>
    <message>
        <source>postwrd&apos;s DNS records are not the JSON expected: %1</source>
        <translation>Nid yw cofnodion DNS postwrd yn y JSON disgwyliedig: %1</translation>
    </message>
    <message>
        <source>postwrd&apos;s DNS record %1 has no name or no text.</source>
        <translation>Mae enw neu destun ar goll o gofnod DNS postwrd %1.</translation>
    </message>
    <message>
        <source>postwrd&apos;s DNS records lack SPF, DKIM or DMARC: did the DKIM step run?</source>
        <translation>Mae SPF, DKIM neu DMARC ar goll o gofnodion DNS postwrd: a redodd y cam DKIM?</translation>
    </message>
    <message>
        <source>The MX record of %1 is not &quot;PREFERENCE HOST&quot;: %2</source>
        <translation>Nid yw cofnod MX %1 yn &quot;PREFERENCE HOST&quot;: %2</translation>
    </message>
    <message>
        <source>The TXT record of %1 cannot be served by dnsmasq: %2</source>
        <translation>Ni all dnsmasq weini cofnod TXT %1: %2</translation>
    </message>
    <message>
        <source>The sandbox&apos;s DNS serves no %1 records, as %2 would need.</source>
        <translation>Nid yw DNS y blwch tywod yn gweini&apos;r cofnodion %1 y byddai eu hangen ar %2.</translation>
    </message>
    <message>
        <source>No free UDP and TCP port on 127.0.0.1.</source>
        <translation>Does dim porth UDP a TCP rhydd ar 127.0.0.1.</translation>
    </message>
    <message>
        <source>dnsmasq is missing: apt-get install dnsmasq-base</source>
        <translation>Mae dnsmasq ar goll: apt-get install dnsmasq-base</translation>
    </message>
    <message>
        <source>Cannot start dnsmasq: %1</source>
        <translation>Methu cychwyn dnsmasq: %1</translation>
    </message>
    <message>
        <source>dnsmasq on 127.0.0.1 port %1 does not answer: %2</source>
        <translation>Nid yw dnsmasq ar 127.0.0.1 porth %1 yn ateb: %2</translation>
    </message>
    <message>
        <source>%1: cannot start %2: %3</source>
        <translation>%1: methu cychwyn %2: %3</translation>
    </message>
    <message>
        <source>%1: %2 did not finish within %3 seconds.</source>
        <translation>%1: ni orffennodd %2 o fewn %3 eiliad.</translation>
    </message>
    <message>
        <source>%1: %2 failed (exit status %3): %4</source>
        <translation>%1: methodd %2 (statws gadael %3): %4</translation>
    </message>
    <message>
        <source>no message</source>
        <translation>dim neges</translation>
    </message>
    <message>
        <source>Cannot write the receiver&apos;s configuration in %1.</source>
        <translation>Methu ysgrifennu ffurfweddiad y derbynnydd yn %1.</translation>
    </message>
    <message>
        <source>Adding the receiver&apos;s account</source>
        <translation>Yn ychwanegu cyfrif y derbynnydd</translation>
    </message>
    <message>
        <source>Making the receiver&apos;s certificate</source>
        <translation>Yn creu tystysgrif y derbynnydd</translation>
    </message>
    <message>
        <source>Checking the receiver&apos;s configuration</source>
        <translation>Yn gwirio ffurfweddiad y derbynnydd</translation>
    </message>
    <message>
        <source>Cannot start the receiver: %1</source>
        <translation>Methu cychwyn y derbynnydd: %1</translation>
    </message>
    <message>
        <source>The receiver did not start; its log %1 says: %2</source>
        <translation>Ni ddechreuodd y derbynnydd; mae ei log %1 yn dweud: %2</translation>
    </message>
    <message>
        <source>ssh-keygen is missing: apt-get install openssh-client</source>
        <translation>Mae ssh-keygen ar goll: apt-get install openssh-client</translation>
    </message>
    <message>
        <source>Making the key %1</source>
        <translation>Yn creu&apos;r allwedd %1</translation>
    </message>
    <message>
        <source>Reading the host key&apos;s fingerprint</source>
        <translation>Yn darllen ôl bys allwedd y gwesteiwr</translation>
    </message>
    <message>
        <source>ssh-keygen -lf printed no SHA256 fingerprint: %1</source>
        <translation>Ni argraffodd ssh-keygen -lf ôl bys SHA256: %1</translation>
    </message>
    <message>
        <source>%1 is missing: apt-get install openssh-server</source>
        <translation>Mae %1 ar goll: apt-get install openssh-server</translation>
    </message>
    <message>
        <source>Cannot create /run/sshd, which sshd needs.</source>
        <translation>Methu creu /run/sshd, sydd ei angen ar sshd.</translation>
    </message>
    <message>
        <source>Cannot start sshd: %1</source>
        <translation>Methu cychwyn sshd: %1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Wedi&apos;i ganslo.</translation>
    </message>
    <message>
        <source>sshd did not start; its log %1 says: %2</source>
        <translation>Ni ddechreuodd sshd; mae ei log %1 yn dweud: %2</translation>
    </message>
</context>
<context>
    <name>postwr::servers::SecretStore</name>
    <message>
        <source>The keyring refused: %1. Is a keyring (GNOME Keyring, KWallet) running and unlocked?</source>
        <translation>Gwrthododd y cylch allweddi: %1. A oes cylch allweddi (GNOME Keyring, KWallet) yn rhedeg ac wedi&apos;i ddatgloi?</translation>
    </message>
</context>
<context>
    <name>postwr::steps::AccountsStep</name>
    <message>
        <source>The password of %1 should be in the environment variable %2, which is not set.</source>
        <translation>Dylai cyfrinair %1 fod yn y newidyn amgylchedd %2, nad yw wedi&apos;i osod.</translation>
    </message>
    <message>
        <source>The password of %1 is too short: use at least 8 characters, or let Postwr generate one.</source>
        <translation>Mae cyfrinair %1 yn rhy fyr: defnyddiwch o leiaf 8 nod, neu gadewch i Postwr greu un.</translation>
    </message>
    <message>
        <source>Remove the account %1</source>
        <translation>Dileu&apos;r cyfrif %1</translation>
    </message>
    <message>
        <source>Add the account %1 with a generated password</source>
        <translation>Ychwanegu&apos;r cyfrif %1 gyda chyfrinair wedi&apos;i greu</translation>
    </message>
    <message>
        <source>Change the password of %1</source>
        <translation>Newid cyfrinair %1</translation>
    </message>
    <message>
        <source>Add the account %1</source>
        <translation>Ychwanegu&apos;r cyfrif %1</translation>
    </message>
    <message>
        <source>Listing the accounts</source>
        <translation>Yn rhestru&apos;r cyfrifon</translation>
    </message>
    <message>
        <source>Adding %1</source>
        <translation>Yn ychwanegu %1</translation>
    </message>
    <message>
        <source>postwrd made no password for %1.</source>
        <translation>Ni chreodd postwrd gyfrinair ar gyfer %1.</translation>
    </message>
    <message>
        <source>Checking the password of %1</source>
        <translation>Yn gwirio cyfrinair %1</translation>
    </message>
    <message>
        <source>Checking the password of %1 failed: %2</source>
        <translation>Methodd gwirio cyfrinair %1: %2</translation>
    </message>
    <message>
        <source>Sender accounts</source>
        <translation>Cyfrifon anfon</translation>
    </message>
    <message>
        <source>%1: as planned already.</source>
        <translation>%1: eisoes fel y cynlluniwyd.</translation>
    </message>
    <message>
        <source>Password of %1</source>
        <translation>Cyfrinair %1</translation>
    </message>
    <message>
        <source>Setting the password of %1</source>
        <translation>Yn gosod cyfrinair %1</translation>
    </message>
    <message>
        <source>Removing %1</source>
        <translation>Yn dileu %1</translation>
    </message>
</context>
<context>
    <name>postwr::steps::AcmeAdvice</name>
    <message>
        <source>Let&apos;s Encrypt&apos;s rate limit was reached for %1 (at most 5 certificates for the same names a week, and 5 failed tries an hour). Wait and try again later; the self-signed certificate stays in use until then.</source>
        <translation>Cyrhaeddwyd terfyn cyfradd Let&apos;s Encrypt ar gyfer %1 (dim mwy na 5 tystysgrif ar gyfer yr un enwau bob wythnos, a 5 ymgais aflwyddiannus bob awr). Arhoswch a rhowch gynnig arall arni yn nes ymlaen; bydd y dystysgrif hunan-lofnodedig yn dal i gael ei defnyddio tan hynny.</translation>
    </message>
    <message>
        <source>Let&apos;s Encrypt could not find %1 in DNS yet. Add its A (and AAAA) record with this server&apos;s address on the DNS page, wait a few minutes for it to spread, and try again.</source>
        <translation>Ni allai Let&apos;s Encrypt ddod o hyd i %1 yn y DNS eto. Ychwanegwch ei gofnod A (ac AAAA) gyda chyfeiriad y gweinydd hwn ar y dudalen DNS, arhoswch ychydig funudau iddo ledaenu, a rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>Port %1 on the server is taken by another program (a web server?). Stop it for a moment, or choose the DNS method, and try again.</source>
        <translation>Mae porth %1 ar y gweinydd yn cael ei ddefnyddio gan raglen arall (gweinydd gwe?). Ataliwch hi am ennyd, neu dewiswch y dull DNS, a rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>Let&apos;s Encrypt could not reach %1 on port %2: a firewall (the server&apos;s, or your hosting provider&apos;s) blocks it. Open TCP port %2 to the internet for a moment, or choose the DNS method.</source>
        <translation>Ni allai Let&apos;s Encrypt gyrraedd %1 ar borth %2: mae mur gwarchod (un y gweinydd, neu un eich darparwr gwe-letya) yn ei rwystro. Agorwch borth TCP %2 i&apos;r rhyngrwyd am ennyd, neu dewiswch y dull DNS.</translation>
    </message>
    <message>
        <source>Let&apos;s Encrypt reached %1 but another server answered: the A or AAAA record of %1 points somewhere else. Make it point to this server and try again.</source>
        <translation>Cyrhaeddodd Let&apos;s Encrypt %1 ond atebodd gweinydd arall: mae cofnod A neu AAAA %1 yn pwyntio i rywle arall. Gwnewch iddo bwyntio at y gweinydd hwn a rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>The server could not reach the certificate authority securely (its certificate was not trusted): %1</source>
        <translation>Ni allai&apos;r gweinydd gyrraedd yr awdurdod tystysgrifau yn ddiogel (nid oedd modd ymddiried yn ei dystysgrif): %1</translation>
    </message>
    <message>
        <source>The server could not reach the certificate authority: it needs outbound HTTPS. %1</source>
        <translation>Ni allai&apos;r gweinydd gyrraedd yr awdurdod tystysgrifau: mae angen HTTPS tuag allan arno. %1</translation>
    </message>
    <message>
        <source>certbot could not get the certificate: %1</source>
        <translation>Ni allai certbot gael y dystysgrif: %1</translation>
    </message>
    <message>
        <source>Cloudflare refused the API token. Make a token with the permission Zone, DNS, Edit for the zone of %1 in Cloudflare&apos;s dashboard (My Profile, API Tokens) and give it here.</source>
        <translation>Gwrthododd Cloudflare y tocyn API. Crëwch docyn gyda&apos;r caniatâd Zone, DNS, Edit ar gyfer parth %1 yn nangosfwrdd Cloudflare (My Profile, API Tokens) a rhowch ef yma.</translation>
    </message>
    <message>
        <source>The Cloudflare API token cannot see the zone of %1: give the token access to that zone, or check that the domain is on this Cloudflare account.</source>
        <translation>Ni all y tocyn API Cloudflare weld parth %1: rhowch fynediad at y parth hwnnw i&apos;r tocyn, neu gwiriwch fod y parth ar y cyfrif Cloudflare hwn.</translation>
    </message>
</context>
<context>
    <name>postwr::steps::BackupArchive</name>
    <message>
        <source>unknown error</source>
        <translation>gwall anhysbys</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Methu agor %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a Postwr backup: it holds &quot;%2&quot;, which a backup never does.</source>
        <translation>Nid yw %1 yn gopi wrth gefn Postwr: mae&apos;n cynnwys &quot;%2&quot;, a does dim copi wrth gefn byth yn cynnwys hynny.</translation>
    </message>
    <message>
        <source>%1 is not a Postwr backup: it is far too large.</source>
        <translation>Nid yw %1 yn gopi wrth gefn Postwr: mae&apos;n llawer rhy fawr.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Methu darllen %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a Postwr backup: it has no postwrd.conf.</source>
        <translation>Nid yw %1 yn gopi wrth gefn Postwr: nid oes postwrd.conf ynddo.</translation>
    </message>
</context>
<context>
    <name>postwr::steps::BackupStep</name>
    <message>
        <source>postwrd&apos;s backup status is not JSON: %1</source>
        <translation>Nid yw statws copi wrth gefn postwrd yn JSON: %1</translation>
    </message>
    <message>
        <source>Reading the backup&apos;s state</source>
        <translation>Yn darllen cyflwr y copi wrth gefn</translation>
    </message>
    <message>
        <source>Looking for git</source>
        <translation>Yn chwilio am git</translation>
    </message>
    <message>
        <source>git is not installed on the server, and without root Postwr cannot install it: ask for the packages git and openssh-client.</source>
        <translation>Nid yw git wedi&apos;i osod ar y gweinydd, ac ni all Postwr ei osod heb root: gofynnwch am y pecynnau git ac openssh-client.</translation>
    </message>
    <message>
        <source>Installing git</source>
        <translation>Yn gosod git</translation>
    </message>
    <message>
        <source>Keeping the configuration in git</source>
        <translation>Yn cadw&apos;r ffurfweddiad yn git</translation>
    </message>
    <message>
        <source>Setting the remote %1</source>
        <translation>Yn gosod yr ystorfa bell %1</translation>
    </message>
    <message>
        <source>Pushing the backup</source>
        <translation>Yn gwthio&apos;r copi wrth gefn</translation>
    </message>
    <message>
        <source>Not backed up yet: if the server is lost, its accounts, forwarding and DKIM key are lost with it.</source>
        <translation>Dim copi wrth gefn eto: os collir y gweinydd, collir ei gyfrifon, ei anfon ymlaen a&apos;i allwedd DKIM gydag ef.</translation>
    </message>
    <message numerus="yes">
        <source>The last change kept: &quot;%1&quot;, %2 (%n change(s) in all).</source>
        <translation>
            <numerusform>Y newid olaf a gadwyd: &quot;%1&quot;, %2 (cyfanswm y newidiadau: %n).</numerusform>
            <numerusform>Y newid olaf a gadwyd: &quot;%1&quot;, %2 (cyfanswm y newidiadau: %n).</numerusform>
            <numerusform>Y newid olaf a gadwyd: &quot;%1&quot;, %2 (cyfanswm y newidiadau: %n).</numerusform>
            <numerusform>Y newid olaf a gadwyd: &quot;%1&quot;, %2 (cyfanswm y newidiadau: %n).</numerusform>
            <numerusform>Y newid olaf a gadwyd: &quot;%1&quot;, %2 (cyfanswm y newidiadau: %n).</numerusform>
        </translation>
    </message>
    <message>
        <source>Secrets are encrypted with your passphrase.</source>
        <translation>Mae&apos;r cyfrinachau wedi&apos;u hamgryptio â&apos;ch cyfrinymadrodd.</translation>
    </message>
    <message>
        <source>Secrets are not encrypted: keep the repository private.</source>
        <translation>Nid yw&apos;r cyfrinachau wedi&apos;u hamgryptio: cadwch yr ystorfa&apos;n breifat.</translation>
    </message>
    <message>
        <source>It is kept on the server only: give a git remote, so that a copy lives elsewhere.</source>
        <translation>Mae&apos;n cael ei gadw ar y gweinydd yn unig: rhowch ystorfa git bell, fel bod copi yn cael ei gadw yn rhywle arall.</translation>
    </message>
    <message>
        <source>Not pushed to %1 yet.</source>
        <translation>Heb ei wthio i %1 eto.</translation>
    </message>
    <message>
        <source>The last push to %1 failed (%2): %3. The changes are kept on the server and go with the next push.</source>
        <translation>Methodd y gwthio diwethaf i %1 (%2): %3. Mae&apos;r newidiadau wedi&apos;u cadw ar y gweinydd a byddant yn mynd gyda&apos;r gwthio nesaf.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not pushed to %1 yet.</source>
        <translation>
            <numerusform>Newidiadau heb eu gwthio i %1 eto: %n.</numerusform>
            <numerusform>Newidiadau heb eu gwthio i %1 eto: %n.</numerusform>
            <numerusform>Newidiadau heb eu gwthio i %1 eto: %n.</numerusform>
            <numerusform>Newidiadau heb eu gwthio i %1 eto: %n.</numerusform>
            <numerusform>Newidiadau heb eu gwthio i %1 eto: %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>Pushed to %1, %2.</source>
        <translation>Wedi&apos;i wthio i %1, %2.</translation>
    </message>
    <message>
        <source>Back up the configuration</source>
        <translation>Gwneud copi wrth gefn o&apos;r ffurfweddiad</translation>
    </message>
    <message>
        <source>Keep the configuration in git, secrets encrypted with your passphrase</source>
        <translation>Cadw&apos;r ffurfweddiad yn git, gyda&apos;r cyfrinachau wedi&apos;u hamgryptio â&apos;ch cyfrinymadrodd</translation>
    </message>
    <message>
        <source>Keep the configuration in git, secrets unencrypted</source>
        <translation>Cadw&apos;r ffurfweddiad yn git, heb amgryptio&apos;r cyfrinachau</translation>
    </message>
    <message>
        <source>Push it to %1 with a deploy key of the server&apos;s own</source>
        <translation>Ei wthio i %1 gydag allwedd leoli sy&apos;n eiddo i&apos;r gweinydd ei hun</translation>
    </message>
    <message>
        <source>Push it to %1</source>
        <translation>Ei wthio i %1</translation>
    </message>
    <message>
        <source>The backup&apos;s passphrase should be in the environment variable %1, which is not set.</source>
        <translation>Dylai cyfrinymadrodd y copi wrth gefn fod yn y newidyn amgylchedd %1, nad yw wedi&apos;i osod.</translation>
    </message>
    <message numerus="yes">
        <source>The configuration is kept in git already (%n commit(s)).</source>
        <translation>
            <numerusform>Mae&apos;r ffurfweddiad eisoes yn cael ei gadw yn git (ymrwymiadau: %n).</numerusform>
            <numerusform>Mae&apos;r ffurfweddiad eisoes yn cael ei gadw yn git (ymrwymiadau: %n).</numerusform>
            <numerusform>Mae&apos;r ffurfweddiad eisoes yn cael ei gadw yn git (ymrwymiadau: %n).</numerusform>
            <numerusform>Mae&apos;r ffurfweddiad eisoes yn cael ei gadw yn git (ymrwymiadau: %n).</numerusform>
            <numerusform>Mae&apos;r ffurfweddiad eisoes yn cael ei gadw yn git (ymrwymiadau: %n).</numerusform>
        </translation>
    </message>
    <message>
        <source>The server&apos;s deploy key, to allow with write access on %1:</source>
        <translation>Allwedd leoli&apos;r gweinydd, i&apos;w chaniatáu gyda mynediad ysgrifennu ar %1:</translation>
    </message>
    <message>
        <source>The configuration is pushed to %1.</source>
        <translation>Mae&apos;r ffurfweddiad wedi&apos;i wthio i %1.</translation>
    </message>
</context>
<context>
    <name>postwr::steps::DkimStep</name>
    <message>
        <source>Line %1 of postwrd&apos;s key list is not &quot;domain, selector, key, record name, record&quot;: %2</source>
        <translation>Nid yw llinell %1 rhestr allweddi postwrd yn &quot;parth, dewisydd, allwedd, enw cofnod, cofnod&quot;: %2</translation>
    </message>
    <message>
        <source>Listing the DKIM keys</source>
        <translation>Yn rhestru&apos;r allweddi DKIM</translation>
    </message>
    <message>
        <source>DKIM signing keys</source>
        <translation>Allweddi llofnodi DKIM</translation>
    </message>
    <message>
        <source>Make a DKIM signing key for %1</source>
        <translation>Creu allwedd llofnodi DKIM ar gyfer %1</translation>
    </message>
    <message>
        <source>Making a DKIM key for %1</source>
        <translation>Yn creu allwedd DKIM ar gyfer %1</translation>
    </message>
    <message>
        <source>%1 signs with %2 (%3). Publish this TXT record:</source>
        <translation>Mae %1 yn llofnodi gyda %2 (%3). Cyhoeddwch y cofnod TXT hwn:</translation>
    </message>
</context>
<context>
    <name>postwr::steps::DnsCheckStep</name>
    <message>
        <source>Looking up the server&apos;s addresses</source>
        <translation>Yn chwilio am gyfeiriadau&apos;r gweinydd</translation>
    </message>
    <message>
        <source>The server has no public address of its own (it may be behind NAT): put its public addresses in the plan as dns.ipv4 and dns.ipv6.</source>
        <translation>Nid oes gan y gweinydd gyfeiriad cyhoeddus ei hun (efallai ei fod y tu ôl i NAT): rhowch ei gyfeiriadau cyhoeddus yn y cynllun fel dns.ipv4 a dns.ipv6.</translation>
    </message>
    <message>
        <source>Reading the records %1 needs</source>
        <translation>Yn darllen y cofnodion sydd eu hangen ar %1</translation>
    </message>
    <message>
        <source>Check the DNS records</source>
        <translation>Gwirio&apos;r cofnodion DNS</translation>
    </message>
    <message>
        <source>Asking DNS about %1:</source>
        <translation>Yn gofyn i&apos;r DNS am %1:</translation>
    </message>
    <message>
        <source>: found %1</source>
        <translation>: canfuwyd %1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Wedi&apos;i ganslo.</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) that receivers need are missing or wrong.</source>
        <translation>
            <numerusform>Cofnodion sydd eu hangen ar dderbynwyr sydd ar goll neu&apos;n anghywir: %n.</numerusform>
            <numerusform>Cofnodion sydd eu hangen ar dderbynwyr sydd ar goll neu&apos;n anghywir: %n.</numerusform>
            <numerusform>Cofnodion sydd eu hangen ar dderbynwyr sydd ar goll neu&apos;n anghywir: %n.</numerusform>
            <numerusform>Cofnodion sydd eu hangen ar dderbynwyr sydd ar goll neu&apos;n anghywir: %n.</numerusform>
            <numerusform>Cofnodion sydd eu hangen ar dderbynwyr sydd ar goll neu&apos;n anghywir: %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every record receivers need is published correctly.</source>
        <translation>Mae pob cofnod sydd ei angen ar dderbynwyr wedi&apos;i gyhoeddi&apos;n gywir.</translation>
    </message>
    <message>
        <source>Asking the blocklists about the server&apos;s addresses</source>
        <translation>Yn holi&apos;r rhestrau blocio am gyfeiriadau&apos;r gweinydd</translation>
    </message>
    <message numerus="yes">
        <source>The server is on %n blocklist(s).</source>
        <translation>
            <numerusform>Mae&apos;r gweinydd ar %n rhestr flocio.</numerusform>
            <numerusform>Mae&apos;r gweinydd ar %n rhestr flocio.</numerusform>
            <numerusform>Mae&apos;r gweinydd ar %n rhestr flocio.</numerusform>
            <numerusform>Mae&apos;r gweinydd ar %n rhestr flocio.</numerusform>
            <numerusform>Mae&apos;r gweinydd ar %n rhestr flocio.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>postwr::steps::DownloadBackupStep</name>
    <message>
        <source>Download the backup</source>
        <translation>Lawrlwytho&apos;r copi wrth gefn</translation>
    </message>
    <message>
        <source>Save %1 in %2</source>
        <translation>Cadw %1 yn %2</translation>
    </message>
    <message>
        <source>The backup is saved in %1.</source>
        <translation>Mae&apos;r copi wrth gefn wedi&apos;i gadw yn %1.</translation>
    </message>
</context>
<context>
    <name>postwr::steps::ForwardingStep</name>
    <message>
        <source>Reading %1</source>
        <translation>Yn darllen %1</translation>
    </message>
    <message>
        <source>The forwarding of %1 is not valid: %2</source>
        <translation>Nid yw anfon ymlaen %1 yn ddilys: %2</translation>
    </message>
    <message>
        <source>The forwarding of %1@%2 runs a command, which Postwr does not allow.</source>
        <translation>Mae anfon ymlaen %1@%2 yn rhedeg gorchymyn, nad yw Postwr yn ei ganiatáu.</translation>
    </message>
    <message>
        <source>Forwarding</source>
        <translation>Anfon ymlaen</translation>
    </message>
    <message>
        <source>every other address @%1</source>
        <translation>pob cyfeiriad arall @%1</translation>
    </message>
    <message>
        <source>Forward %1 to %2</source>
        <translation>Anfon %1 ymlaen i %2</translation>
    </message>
    <message>
        <source>The forwarding of %1 is as planned already.</source>
        <translation>Mae anfon ymlaen %1 eisoes fel y cynlluniwyd.</translation>
    </message>
    <message>
        <source>Keeping the previous forwarding</source>
        <translation>Yn cadw&apos;r anfon ymlaen blaenorol</translation>
    </message>
    <message>
        <source>Giving the forwarding to postwr</source>
        <translation>Yn rhoi&apos;r anfon ymlaen i postwr</translation>
    </message>
    <message>
        <source>Wrote the forwarding of %1.</source>
        <translation>Ysgrifennwyd anfon ymlaen %1.</translation>
    </message>
    <message>
        <source>Checking the configuration</source>
        <translation>Yn gwirio&apos;r ffurfweddiad</translation>
    </message>
</context>
<context>
    <name>postwr::steps::HostnameStep</name>
    <message>
        <source>Set the mail host name</source>
        <translation>Gosod enw gwesteiwr y post</translation>
    </message>
    <message>
        <source>Change postwrd&apos;s host name from %1 to %2</source>
        <translation>Newid enw gwesteiwr postwrd o %1 i %2</translation>
    </message>
    <message>
        <source>postwrd&apos;s host name is already %1.</source>
        <translation>Enw gwesteiwr postwrd yw %1 eisoes.</translation>
    </message>
    <message>
        <source>Checking the configuration</source>
        <translation>Yn gwirio&apos;r ffurfweddiad</translation>
    </message>
    <message>
        <source>postwrd&apos;s host name is now %1.</source>
        <translation>Enw gwesteiwr postwrd bellach yw %1.</translation>
    </message>
</context>
<context>
    <name>postwr::steps::InstallFiles</name>
    <message>
        <source>The server&apos;s answer about the installation was cut short.</source>
        <translation>Cafodd ateb y gweinydd am y gosodiad ei dorri&apos;n fyr.</translation>
    </message>
</context>
<context>
    <name>postwr::steps::InstallStep</name>
    <message>
        <source>Looking at the current installation</source>
        <translation>Yn edrych ar y gosodiad presennol</translation>
    </message>
    <message>
        <source>Install postwrd</source>
        <translation>Gosod postwrd</translation>
    </message>
    <message>
        <source>Stop and disable %1, which holds the mail ports</source>
        <translation>Atal ac analluogi %1, sy&apos;n dal y pyrth post</translation>
    </message>
    <message>
        <source>Create the system user postwr</source>
        <translation>Creu&apos;r defnyddiwr system postwr</translation>
    </message>
    <message>
        <source>Upload postwrd to %1</source>
        <translation>Llwytho postwrd i fyny i %1</translation>
    </message>
    <message>
        <source>Upgrade postwrd in %1 (config, accounts and queue are kept)</source>
        <translation>Uwchraddio postwrd yn %1 (cedwir y ffurfweddiad, y cyfrifon a&apos;r ciw)</translation>
    </message>
    <message>
        <source>Write the supervisor script %1</source>
        <translation>Ysgrifennu&apos;r sgript oruchwylio %1</translation>
    </message>
    <message>
        <source>Write the systemd unit %1</source>
        <translation>Ysgrifennu&apos;r uned systemd %1</translation>
    </message>
    <message>
        <source>Update %1 (host name, directories, ports)</source>
        <translation>Diweddaru %1 (enw gwesteiwr, cyfeiriaduron, pyrth)</translation>
    </message>
    <message>
        <source>Write %1</source>
        <translation>Ysgrifennu %1</translation>
    </message>
    <message>
        <source>Add the mail domain %1</source>
        <translation>Ychwanegu&apos;r parth post %1</translation>
    </message>
    <message>
        <source>Make a self-signed certificate for %1 (until a real one is set up)</source>
        <translation>Creu tystysgrif hunan-lofnodedig ar gyfer %1 (nes bod un go iawn wedi&apos;i gosod)</translation>
    </message>
    <message>
        <source>Start postwrd</source>
        <translation>Cychwyn postwrd</translation>
    </message>
    <message>
        <source>Restart postwrd</source>
        <translation>Ailgychwyn postwrd</translation>
    </message>
    <message>
        <source>Reload postwrd&apos;s configuration</source>
        <translation>Ail-lwytho ffurfweddiad postwrd</translation>
    </message>
    <message>
        <source>Start postwrd at boot</source>
        <translation>Cychwyn postwrd wrth gychwyn y peiriant</translation>
    </message>
    <message>
        <source>This build of Postwr carries no postwrd to install.</source>
        <translation>Nid oes postwrd i&apos;w osod yn y fersiwn hon o Postwr.</translation>
    </message>
    <message>
        <source>postwrd is installed and running as planned: nothing to change.</source>
        <translation>Mae postwrd wedi&apos;i osod ac yn rhedeg fel y cynlluniwyd: dim i&apos;w newid.</translation>
    </message>
    <message>
        <source>%1 runs on this server and holds the mail ports. Postwr can stop and disable it: agree to that (install.stop_conflicting_mta in a plan file), or remove it yourself.</source>
        <translation>Mae %1 yn rhedeg ar y gweinydd hwn ac yn dal y pyrth post. Gall Postwr ei atal a&apos;i analluogi: cytunwch i hynny (install.stop_conflicting_mta mewn ffeil gynllun), neu tynnwch ef eich hun.</translation>
    </message>
    <message>
        <source>Stopping %1</source>
        <translation>Yn atal %1</translation>
    </message>
    <message>
        <source>Creating the user postwr</source>
        <translation>Yn creu&apos;r defnyddiwr postwr</translation>
    </message>
    <message>
        <source>Creating postwrd&apos;s directories</source>
        <translation>Yn creu cyfeiriaduron postwrd</translation>
    </message>
    <message>
        <source>Uploading postwrd (%1 MB) to %2</source>
        <translation>Yn llwytho postwrd (%1 MB) i fyny i %2</translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation>Yn ysgrifennu %1</translation>
    </message>
    <message>
        <source>Telling systemd about the unit</source>
        <translation>Yn dweud wrth systemd am yr uned</translation>
    </message>
    <message>
        <source>Keeping the previous configuration</source>
        <translation>Yn cadw&apos;r ffurfweddiad blaenorol</translation>
    </message>
    <message>
        <source>Adding the mail domain %1</source>
        <translation>Yn ychwanegu&apos;r parth post %1</translation>
    </message>
    <message>
        <source>Making a self-signed certificate</source>
        <translation>Yn creu tystysgrif hunan-lofnodedig</translation>
    </message>
    <message>
        <source>Checking the configuration</source>
        <translation>Yn gwirio&apos;r ffurfweddiad</translation>
    </message>
    <message>
        <source>Restoring the previous configuration</source>
        <translation>Yn adfer y ffurfweddiad blaenorol</translation>
    </message>
    <message>
        <source>Starting postwrd at boot</source>
        <translation>Yn gosod postwrd i gychwyn wrth gychwyn y peiriant</translation>
    </message>
    <message>
        <source>postwrd is installed and running.</source>
        <translation>Mae postwrd wedi&apos;i osod ac yn rhedeg.</translation>
    </message>
    <message>
        <source>Install git, which keeps the configuration&apos;s history for the backup</source>
        <translation>Gosod git, sy&apos;n cadw hanes y ffurfweddiad ar gyfer y copi wrth gefn</translation>
    </message>
</context>
<context>
    <name>postwr::steps::Ipv6Step</name>
    <message>
        <source>The server has no IPv6 address. If your provider assigned one (its control panel shows the address and the gateway), add it to /etc/netplan/50-cloud-init.yaml under your interface, e.g.
      addresses: [&quot;2001:db8:1234::2/64&quot;]
      routes: [{to: &quot;::/0&quot;, via: &quot;2001:db8:1234::1&quot;}]
then run `netplan apply`, and run this step again.</source>
        <translation>Nid oes gan y gweinydd gyfeiriad IPv6. Os rhoddodd eich darparwr un (mae ei banel rheoli yn dangos y cyfeiriad a&apos;r porth), ychwanegwch ef at /etc/netplan/50-cloud-init.yaml o dan eich rhyngwyneb, e.e.
      addresses: [&quot;2001:db8:1234::2/64&quot;]
      routes: [{to: &quot;::/0&quot;, via: &quot;2001:db8:1234::1&quot;}]
yna rhedwch `netplan apply`, a rhedwch y cam hwn eto.</translation>
    </message>
    <message>
        <source>Enable IPv6</source>
        <translation>Galluogi IPv6</translation>
    </message>
    <message>
        <source>Looking at IPv6</source>
        <translation>Yn edrych ar IPv6</translation>
    </message>
    <message>
        <source>Comment out the line in %1 that switches IPv6 off (a copy is kept as %1.postwr-bak)</source>
        <translation>Troi&apos;n sylw y llinell yn %1 sy&apos;n diffodd IPv6 (cedwir copi fel %1.postwr-bak)</translation>
    </message>
    <message>
        <source>Switch IPv6 on, now and at every boot (%1)</source>
        <translation>Troi IPv6 ymlaen, nawr ac ar bob cychwyn (%1)</translation>
    </message>
    <message>
        <source>Switching IPv6 on</source>
        <translation>Yn troi IPv6 ymlaen</translation>
    </message>
    <message>
        <source>IPv6 is still switched off after the change; something else on the server switches it off again.</source>
        <translation>Mae IPv6 yn dal i fod wedi&apos;i ddiffodd ar ôl y newid; mae rhywbeth arall ar y gweinydd yn ei ddiffodd eto.</translation>
    </message>
    <message>
        <source>IPv6 is on.</source>
        <translation>Mae IPv6 ymlaen.</translation>
    </message>
    <message>
        <source>IPv6 is on already.</source>
        <translation>Mae IPv6 ymlaen eisoes.</translation>
    </message>
    <message>
        <source>If the server had an IPv6 address configured, it comes back with `netplan apply` (or `systemctl restart networking`) or a reboot.</source>
        <translation>Os oedd gan y gweinydd gyfeiriad IPv6 wedi&apos;i ffurfweddu, mae&apos;n dod yn ôl gyda `netplan apply` (neu `systemctl restart networking`) neu ailgychwyn.</translation>
    </message>
</context>
<context>
    <name>postwr::steps::PlanFile</name>
    <message>
        <source>line %1, column %2</source>
        <translation>llinell %1, colofn %2</translation>
    </message>
    <message>
        <source>unknown key; known here: %1</source>
        <translation>allwedd anhysbys; y rhai hysbys yma: %1</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>rhaid iddo fod yn llinyn</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>rhaid iddo fod yn true neu false</translation>
    </message>
    <message>
        <source>must be a whole number from %1 to %2</source>
        <translation>rhaid iddo fod yn rhif cyfan o %1 i %2</translation>
    </message>
    <message>
        <source>must be an object { … }</source>
        <translation>rhaid iddo fod yn wrthrych { … }</translation>
    </message>
    <message>
        <source>must be a list [ … ] of strings</source>
        <translation>rhaid iddo fod yn rhestr [ … ] o linynnau</translation>
    </message>
    <message>
        <source>missing: the SSH host, port and user to connect to</source>
        <translation>ar goll: y gwesteiwr SSH, y porth a&apos;r defnyddiwr i gysylltu â nhw</translation>
    </message>
    <message>
        <source>missing: the server&apos;s name or IP address</source>
        <translation>ar goll: enw neu gyfeiriad IP y gweinydd</translation>
    </message>
    <message>
        <source>missing: the user to log in as, e.g. root</source>
        <translation>ar goll: y defnyddiwr i fewngofnodi fel, e.e. root</translation>
    </message>
    <message>
        <source>must be &quot;agent&quot;, &quot;key&quot; or &quot;password&quot;</source>
        <translation>rhaid iddo fod yn &quot;agent&quot;, &quot;key&quot; neu &quot;password&quot;</translation>
    </message>
    <message>
        <source>missing: the private key file for &quot;auth&quot;: &quot;key&quot;</source>
        <translation>ar goll: y ffeil allwedd breifat ar gyfer &quot;auth&quot;: &quot;key&quot;</translation>
    </message>
    <message>
        <source>missing: the environment variable that holds the password for &quot;auth&quot;: &quot;password&quot;</source>
        <translation>ar goll: y newidyn amgylchedd sy&apos;n dal y cyfrinair ar gyfer &quot;auth&quot;: &quot;password&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an environment variable name (letters, digits and _)</source>
        <translation>Nid yw &quot;%1&quot; yn enw newidyn amgylchedd (llythrennau, digidau a _)</translation>
    </message>
    <message>
        <source>must be a SHA256 fingerprint as `ssh-keygen -lf` prints it: SHA256:…</source>
        <translation>rhaid iddo fod yn ôl bys SHA256 fel y mae `ssh-keygen -lf` yn ei argraffu: SHA256:…</translation>
    </message>
    <message>
        <source>must be &quot;system&quot; or &quot;user&quot;</source>
        <translation>rhaid iddo fod yn &quot;system&quot; neu &quot;user&quot;</translation>
    </message>
    <message>
        <source>must be an absolute path or start with ~/</source>
        <translation>rhaid iddo fod yn llwybr absoliwt neu ddechrau â ~/</translation>
    </message>
    <message>
        <source>the three ports must differ</source>
        <translation>rhaid i&apos;r tri phorth fod yn wahanol</translation>
    </message>
    <message>
        <source>a system install uses the standard ports 25, 587 and 465</source>
        <translation>mae gosodiad system yn defnyddio&apos;r pyrth safonol 25, 587 a 465</translation>
    </message>
    <message>
        <source>must be a list [ … ] of accounts</source>
        <translation>rhaid iddo fod yn rhestr [ … ] o gyfrifon</translation>
    </message>
    <message>
        <source>must be an object { &quot;email&quot;: … }</source>
        <translation>rhaid iddo fod yn wrthrych { &quot;email&quot;: … }</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an email address</source>
        <translation>Nid yw &quot;%1&quot; yn gyfeiriad e-bost</translation>
    </message>
    <message>
        <source>%1 is not in one of the plan&apos;s domains (%2)</source>
        <translation>Nid yw %1 yn un o barthau&apos;r cynllun (%2)</translation>
    </message>
    <message>
        <source>give exactly one of &quot;password_env&quot;, &quot;generate&quot;: true or &quot;remove&quot;: true</source>
        <translation>rhowch un yn union o &quot;password_env&quot;, &quot;generate&quot;: true neu &quot;remove&quot;: true</translation>
    </message>
    <message>
        <source>not one of the plan&apos;s domains (%1)</source>
        <translation>nid yw&apos;n un o barthau&apos;r cynllun (%1)</translation>
    </message>
    <message>
        <source>must be an object { &quot;local part or *&quot;: [addresses] }</source>
        <translation>rhaid iddo fod yn wrthrych { &quot;rhan leol neu *&quot;: [cyfeiriadau] }</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a local part (the text before @)</source>
        <translation>Nid yw &quot;%1&quot; yn rhan leol (y testun cyn @)</translation>
    </message>
    <message>
        <source>needs at least one address to forward to</source>
        <translation>mae angen o leiaf un cyfeiriad i anfon ymlaen iddo</translation>
    </message>
    <message>
        <source>line 1, column 1: a plan is one JSON object { … }</source>
        <translation>llinell 1, colofn 1: un gwrthrych JSON { … } yw cynllun</translation>
    </message>
    <message>
        <source>missing: the steps to run, from %1</source>
        <translation>ar goll: y camau i&apos;w rhedeg, o blith %1</translation>
    </message>
    <message>
        <source>unknown step &quot;%1&quot;; the steps are %2</source>
        <translation>cam anhysbys &quot;%1&quot;; y camau yw %2</translation>
    </message>
    <message>
        <source>&quot;install&quot; and &quot;uninstall&quot; cannot be in one plan</source>
        <translation>ni all &quot;install&quot; ac &quot;uninstall&quot; fod yn yr un cynllun</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name like mail.example.org</source>
        <translation>Nid yw &quot;%1&quot; yn enw gwesteiwr fel mail.example.org</translation>
    </message>
    <message>
        <source>missing: the server&apos;s mail host name, e.g. mail.example.org</source>
        <translation>ar goll: enw gwesteiwr post y gweinydd, e.e. mail.example.org</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a domain like example.org</source>
        <translation>Nid yw &quot;%1&quot; yn barth fel example.org</translation>
    </message>
    <message>
        <source>missing: the domains to receive mail for</source>
        <translation>ar goll: y parthau i dderbyn post ar eu cyfer</translation>
    </message>
    <message>
        <source>must be HOST:PORT, e.g. gmail-smtp-in.l.google.com:25</source>
        <translation>rhaid iddo fod yn HOST:PORT, e.e. gmail-smtp-in.l.google.com:25</translation>
    </message>
    <message>
        <source>must be &quot;starttls&quot; or &quot;tls&quot;</source>
        <translation>rhaid iddo fod yn &quot;starttls&quot; neu &quot;tls&quot;</translation>
    </message>
    <message>
        <source>missing or not an email address: the account that sends</source>
        <translation>ar goll neu nid yw&apos;n gyfeiriad e-bost: y cyfrif sy&apos;n anfon</translation>
    </message>
    <message>
        <source>missing: the environment variable that holds the password of %1</source>
        <translation>ar goll: y newidyn amgylchedd sy&apos;n dal cyfrinair %1</translation>
    </message>
    <message>
        <source>missing or not an email address: where the test message goes (or &quot;reflector&quot; for the server&apos;s self-check)</source>
        <translation>ar goll neu nid yw&apos;n gyfeiriad e-bost: i ble mae&apos;r neges brawf yn mynd (neu &quot;reflector&quot; ar gyfer hunanwiriad y gweinydd)</translation>
    </message>
    <message>
        <source>a setting is named &quot;key&quot; or &quot;section.key&quot;, in lower case</source>
        <translation>rhaid i enw gosodiad fod yn &quot;key&quot; neu&apos;n &quot;section.key&quot;, mewn llythrennau bach</translation>
    </message>
    <message>
        <source>set by the plan&apos;s own keys (hostname, install.listen, install.ports)</source>
        <translation>wedi&apos;i osod gan allweddi&apos;r cynllun ei hun (hostname, install.listen, install.ports)</translation>
    </message>
    <message>
        <source>must be a text, a whole number, true or false</source>
        <translation>rhaid iddo fod yn destun, yn rhif cyfan, true neu false</translation>
    </message>
    <message>
        <source>must be one line, not empty</source>
        <translation>rhaid iddo fod yn un llinell, nid yn wag</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IPv4 address</source>
        <translation>Nid yw &quot;%1&quot; yn gyfeiriad IPv4</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IPv6 address</source>
        <translation>Nid yw &quot;%1&quot; yn gyfeiriad IPv6</translation>
    </message>
    <message>
        <source>must be one of %1, not &quot;%2&quot;</source>
        <translation>rhaid iddo fod yn un o %1, nid &quot;%2&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a domain name (give the provider&apos;s SPF domain, e.g. _spf.google.com)</source>
        <translation>Nid yw &quot;%1&quot; yn enw parth (rhowch barth SPF y darparwr, e.e. _spf.google.com)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a domain name</source>
        <translation>Nid yw &quot;%1&quot; yn enw parth</translation>
    </message>
    <message>
        <source>must be one of letsencrypt, existing, self-signed, not &quot;%1&quot;</source>
        <translation>rhaid iddo fod yn un o letsencrypt, existing, self-signed, nid &quot;%1&quot;</translation>
    </message>
    <message>
        <source>must be an https:// address</source>
        <translation>rhaid iddo fod yn gyfeiriad https://</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address</source>
        <translation>Nid yw &quot;%1&quot; yn gyfeiriad IP</translation>
    </message>
    <message>
        <source>missing: the certificate file on the server</source>
        <translation>ar goll: y ffeil dystysgrif ar y gweinydd</translation>
    </message>
    <message>
        <source>missing: the private key file on the server</source>
        <translation>ar goll: y ffeil allwedd breifat ar y gweinydd</translation>
    </message>
    <message>
        <source>missing: the step tls needs the host name to certify</source>
        <translation>ar goll: yr enw gwesteiwr y mae ar y cam tls ei angen ar gyfer y dystysgrif</translation>
    </message>
    <message>
        <source>must be one of http, cloudflare, not &quot;%1&quot;</source>
        <translation>rhaid iddo fod yn un o http, cloudflare, nid &quot;%1&quot;</translation>
    </message>
    <message>
        <source>missing: the environment variable that holds the Cloudflare API token</source>
        <translation>ar goll: y newidyn amgylchedd sy&apos;n dal y tocyn API Cloudflare</translation>
    </message>
    <message>
        <source>missing: the environment variable that holds the backup&apos;s passphrase</source>
        <translation>ar goll: y newidyn amgylchedd sy&apos;n dal cyfrinymadrodd y copi wrth gefn</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not the SSH address of a git repository, like git@github.com:you/mail-config.git</source>
        <translation>Nid yw &quot;%1&quot; yn gyfeiriad SSH ystorfa git, fel git@github.com:you/mail-config.git</translation>
    </message>
    <message>
        <source>missing: the git remote (git@host:path.git) or the .tar.gz archive to restore from</source>
        <translation>ar goll: yr ystorfa git bell (git@host:path.git) neu&apos;r archif .tar.gz i adfer ohoni</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither the SSH address of a git repository nor a .tar.gz archive</source>
        <translation>Nid yw &quot;%1&quot; yn gyfeiriad SSH ystorfa git nac yn archif .tar.gz</translation>
    </message>
</context>
<context>
    <name>postwr::steps::PlanRunner</name>
    <message>
        <source>Connecting to %1</source>
        <translation>Yn cysylltu â %1</translation>
    </message>
    <message>
        <source>The server&apos;s %1 host key has the fingerprint %2, not %3 as the plan says. Someone may be between you and the server; check the fingerprint on the server itself (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub).</source>
        <translation>Ôl bys allwedd gwesteiwr %1 y gweinydd yw %2, nid %3 fel y dywed y cynllun. Efallai fod rhywun rhyngoch chi a&apos;r gweinydd; gwiriwch yr ôl bys ar y gweinydd ei hun (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub).</translation>
    </message>
    <message>
        <source>The server&apos;s host key has changed.</source>
        <translation>Mae allwedd gwesteiwr y gweinydd wedi newid.</translation>
    </message>
    <message>
        <source>First contact with %1: its %2 host key has the fingerprint %3. If that is your server&apos;s (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on it shows it), put it in the plan as server.host_key.</source>
        <translation>Cysylltiad cyntaf â %1: ôl bys ei allwedd gwesteiwr %2 yw %3. Os un eich gweinydd chi yw hwnnw (mae ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub arno yn ei ddangos), rhowch ef yn y cynllun fel server.host_key.</translation>
    </message>
    <message>
        <source>Trusted the %1 host key %2, as the plan says.</source>
        <translation>Ymddiriedwyd yn allwedd gwesteiwr %1 %2, fel y dywed y cynllun.</translation>
    </message>
    <message>
        <source>The SSH password should be in the environment variable %1, which is not set.</source>
        <translation>Dylai&apos;r cyfrinair SSH fod yn y newidyn amgylchedd %1, nad yw wedi&apos;i osod.</translation>
    </message>
    <message>
        <source>Logged in to %1.</source>
        <translation>Wedi mewngofnodi i %1.</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Cam %1 o %2: %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Will: %1</source>
        <translation>Bydd yn: %1</translation>
    </message>
    <message>
        <source>Done: every step of the plan ran.</source>
        <translation>Wedi gorffen: rhedodd pob cam o&apos;r cynllun.</translation>
    </message>
</context>
<context>
    <name>postwr::steps::ProbeAdvice</name>
    <message>
        <source>another program</source>
        <translation>rhaglen arall</translation>
    </message>
    <message>
        <source>an unknown system</source>
        <translation>system anhysbys</translation>
    </message>
    <message>
        <source>The server runs %1.</source>
        <translation>Mae&apos;r gweinydd yn rhedeg %1.</translation>
    </message>
    <message>
        <source>The server runs %1. Postwr is tested on Debian and Ubuntu; postwrd should work on any Linux, but the steps may need adjusting.</source>
        <translation>Mae&apos;r gweinydd yn rhedeg %1. Mae Postwr wedi&apos;i brofi ar Debian ac Ubuntu; dylai postwrd weithio ar unrhyw Linux, ond efallai y bydd angen addasu&apos;r camau.</translation>
    </message>
    <message>
        <source>Its processor architecture is x86_64.</source>
        <translation>Ei bensaernïaeth prosesydd yw x86_64.</translation>
    </message>
    <message>
        <source>Its processor architecture is %1, but the postwrd that Postwr carries is built for x86_64. Choose an x86_64 server, or build postwrd from source on this one.</source>
        <translation>Ei bensaernïaeth prosesydd yw %1, ond mae&apos;r postwrd sydd gan Postwr wedi&apos;i adeiladu ar gyfer x86_64. Dewiswch weinydd x86_64, neu adeiladwch postwrd o&apos;r cod ffynhonnell ar yr un hwn.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>anhysbys</translation>
    </message>
    <message>
        <source>systemd runs the services.</source>
        <translation>systemd sy&apos;n rhedeg y gwasanaethau.</translation>
    </message>
    <message>
        <source>The server does not run systemd (PID 1 is %1), which a system install needs. Choose the user install instead.</source>
        <translation>Nid yw&apos;r gweinydd yn rhedeg systemd (PID 1 yw %1), sydd ei angen ar osodiad system. Dewiswch y gosodiad defnyddiwr yn lle hynny.</translation>
    </message>
    <message>
        <source>No systemd here; the user install keeps postwrd running itself.</source>
        <translation>Dim systemd yma; mae&apos;r gosodiad defnyddiwr yn cadw postwrd i redeg ei hun.</translation>
    </message>
    <message>
        <source>The server has %1 MiB of memory. postwrd needs about 10 MiB, but the system may be short of memory for anything else.</source>
        <translation>Mae gan y gweinydd %1 MiB o gof. Mae angen tua 10 MiB ar postwrd, ond efallai na fydd digon o gof i&apos;r system ar gyfer unrhyw beth arall.</translation>
    </message>
    <message>
        <source>%1 MiB of memory, %2 MiB available: plenty (postwrd needs about 10 MiB).</source>
        <translation>%1 MiB o gof, %2 MiB ar gael: digon (mae angen tua 10 MiB ar postwrd).</translation>
    </message>
    <message>
        <source>Only %1 MiB are free on the disk: free some space, the queue and the mailboxes need it.</source>
        <translation>Dim ond %1 MiB sy&apos;n rhydd ar y ddisg: rhyddhewch le, mae ar y ciw a&apos;r blychau post ei angen.</translation>
    </message>
    <message>
        <source>%1 MiB are free on the disk: enough to start, but mail with attachments fills it quickly.</source>
        <translation>Mae %1 MiB yn rhydd ar y ddisg: digon i ddechrau, ond mae post ag atodiadau yn ei llenwi&apos;n gyflym.</translation>
    </message>
    <message>
        <source>%1 MiB are free on the disk.</source>
        <translation>Mae %1 MiB yn rhydd ar y ddisg.</translation>
    </message>
    <message>
        <source>your mail host name</source>
        <translation>enw gwesteiwr eich post</translation>
    </message>
    <message>
        <source>%1 has no reverse DNS. Receivers like Gmail refuse mail from such addresses: set its PTR record to %2 in your provider&apos;s control panel.</source>
        <translation>Nid oes DNS gwrthdro gan %1. Mae derbynwyr fel Gmail yn gwrthod post o gyfeiriadau o&apos;r fath: gosodwch ei gofnod PTR i %2 ym mhanel rheoli eich darparwr.</translation>
    </message>
    <message>
        <source>The reverse DNS of %1 is %2, not %3: set its PTR record to %3 in your provider&apos;s control panel.</source>
        <translation>DNS gwrthdro %1 yw %2, nid %3: gosodwch ei gofnod PTR i %3 ym mhanel rheoli eich darparwr.</translation>
    </message>
    <message>
        <source>The reverse DNS of %1 is %2.</source>
        <translation>DNS gwrthdro %1 yw %2.</translation>
    </message>
    <message>
        <source>The server has no public IPv4 address on its network interfaces. Behind NAT, the provider must forward ports %1, %2 and %3 to it.</source>
        <translation>Nid oes gan y gweinydd gyfeiriad IPv4 cyhoeddus ar ei ryngwynebau rhwydwaith. Y tu ôl i NAT, rhaid i&apos;r darparwr anfon pyrth %1, %2 a %3 ymlaen ato.</translation>
    </message>
    <message>
        <source>IPv6 is switched off (net.ipv6.conf.all.disable_ipv6 = 1). If your provider gave the server an IPv6 address, the step &quot;Enable IPv6&quot; switches it on.</source>
        <translation>Mae IPv6 wedi&apos;i ddiffodd (net.ipv6.conf.all.disable_ipv6 = 1). Os rhoddodd eich darparwr gyfeiriad IPv6 i&apos;r gweinydd, mae&apos;r cam &quot;Galluogi IPv6&quot; yn ei droi ymlaen.</translation>
    </message>
    <message>
        <source>The server has no public IPv6 address. Mail works without one; if your provider offers IPv6, configure it (the step &quot;Enable IPv6&quot; shows how).</source>
        <translation>Nid oes gan y gweinydd gyfeiriad IPv6 cyhoeddus. Mae post yn gweithio heb un; os yw eich darparwr yn cynnig IPv6, ffurfweddwch ef (mae&apos;r cam &quot;Galluogi IPv6&quot; yn dangos sut).</translation>
    </message>
    <message>
        <source>Cannot tell which programs listen on the mail ports: the server has no `ss` (package iproute2).</source>
        <translation>Methu dweud pa raglenni sy&apos;n gwrando ar y pyrth post: nid oes `ss` ar y gweinydd (pecyn iproute2).</translation>
    </message>
    <message>
        <source>Port %1 is free.</source>
        <translation>Mae porth %1 yn rhydd.</translation>
    </message>
    <message>
        <source>Port %1 is postwrd&apos;s already.</source>
        <translation>Mae porth %1 yn perthyn i postwrd eisoes.</translation>
    </message>
    <message>
        <source>Port %1 is taken by %2. Postwr can stop and disable it during the install, with your consent.</source>
        <translation>Mae porth %1 yn cael ei ddefnyddio gan %2. Gall Postwr ei atal a&apos;i analluogi yn ystod y gosod, gyda&apos;ch caniatâd.</translation>
    </message>
    <message>
        <source>%1 is installed. Only one mail server can have the mail ports; postwrd replaces it.</source>
        <translation>Mae %1 wedi&apos;i osod. Dim ond un gweinydd post all gael y pyrth post; mae postwrd yn cymryd ei le.</translation>
    </message>
    <message>
        <source>Outbound port 25 is open: the server can deliver mail to other servers.</source>
        <translation>Mae porth 25 tuag allan ar agor: gall y gweinydd ddanfon post i weinyddion eraill.</translation>
    </message>
    <message>
        <source>Your provider blocks outbound port 25: the server cannot deliver mail to Gmail or anyone else. Ask your provider to open it (many do on request for new accounts).</source>
        <translation>Mae eich darparwr yn rhwystro porth 25 tuag allan: ni all y gweinydd ddanfon post i Gmail nac i neb arall. Gofynnwch i&apos;ch darparwr ei agor (mae llawer yn gwneud hynny ar gais ar gyfer cyfrifon newydd).</translation>
    </message>
    <message>
        <source>A test connection on port 25 was refused (%1). A firewall on the server or at the provider may block outbound mail.</source>
        <translation>Cafodd cysylltiad prawf ar borth 25 ei wrthod (%1). Efallai fod mur gwarchod ar y gweinydd neu gan y darparwr yn rhwystro post tuag allan.</translation>
    </message>
    <message>
        <source>Could not test outbound port 25 (%1).</source>
        <translation>Methu profi porth 25 tuag allan (%1).</translation>
    </message>
    <message>
        <source>%1 is installed already; installing again upgrades it in place.</source>
        <translation>Mae %1 wedi&apos;i osod eisoes; mae gosod eto yn ei uwchraddio yn ei le.</translation>
    </message>
    <message>
        <source>Cannot tell how much memory the server has (no /proc/meminfo). postwrd needs about 10 MiB.</source>
        <translation>Methu dweud faint o gof sydd gan y gweinydd (dim /proc/meminfo). Mae angen tua 10 MiB ar postwrd.</translation>
    </message>
    <message>
        <source>Cannot tell how much disk space is free (no df on the server).</source>
        <translation>Methu dweud faint o le sy&apos;n rhydd ar y ddisg (dim df ar y gweinydd).</translation>
    </message>
    <message>
        <source>The kernel has no IPv6 (ipv6.disable=1 on its command line). Remove that option from the boot loader&apos;s configuration and reboot to use IPv6.</source>
        <translation>Nid oes IPv6 gan y cnewyllyn (ipv6.disable=1 ar ei linell orchymyn). Tynnwch yr opsiwn hwnnw o ffurfweddiad y llwythwr cychwyn ac ailgychwyn i ddefnyddio IPv6.</translation>
    </message>
</context>
<context>
    <name>postwr::steps::ProbeStep</name>
    <message>
        <source>Look at the server</source>
        <translation>Edrych ar y gweinydd</translation>
    </message>
    <message>
        <source>probe.outbound_check must be HOST:PORT, not &quot;%1&quot;.</source>
        <translation>Rhaid i probe.outbound_check fod yn HOST:PORT, nid &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Looking at the server</source>
        <translation>Yn edrych ar y gweinydd</translation>
    </message>
</context>
<context>
    <name>postwr::steps::RestoreStep</name>
    <message>
        <source>Making the server&apos;s deploy key</source>
        <translation>Yn creu allwedd leoli&apos;r gweinydd</translation>
    </message>
    <message>
        <source>The server&apos;s deploy key, which %1 must allow:</source>
        <translation>Allwedd leoli&apos;r gweinydd, y mae&apos;n rhaid i %1 ei chaniatáu:</translation>
    </message>
    <message>
        <source>Restoring from %1</source>
        <translation>Yn adfer o %1</translation>
    </message>
    <message>
        <source>Checking the configuration</source>
        <translation>Yn gwirio&apos;r ffurfweddiad</translation>
    </message>
    <message numerus="yes">
        <source>Restored from %1: %n account(s) (%2).</source>
        <translation>
            <numerusform>Wedi adfer o %1: %n cyfrif (%2).</numerusform>
            <numerusform>Wedi adfer o %1: %n cyfrif (%2).</numerusform>
            <numerusform>Wedi adfer o %1: %n cyfrif (%2).</numerusform>
            <numerusform>Wedi adfer o %1: %n cyfrif (%2).</numerusform>
            <numerusform>Wedi adfer o %1: %n cyfrif (%2).</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Adfer o gopi wrth gefn</translation>
    </message>
    <message>
        <source>Bring back the configuration, accounts, forwarding and DKIM keys from %1</source>
        <translation>Adfer y ffurfweddiad, y cyfrifon, yr anfon ymlaen a&apos;r allweddi DKIM o %1</translation>
    </message>
    <message>
        <source>The backup&apos;s passphrase should be in the environment variable %1, which is not set.</source>
        <translation>Dylai cyfrinymadrodd y copi wrth gefn fod yn y newidyn amgylchedd %1, nad yw wedi&apos;i osod.</translation>
    </message>
</context>
<context>
    <name>postwr::steps::ServerProbe</name>
    <message>
        <source>The server&apos;s answer has no &quot;%1&quot; part: the probe was cut short.</source>
        <translation>Nid oes rhan &quot;%1&quot; yn ateb y gweinydd: cafodd yr archwiliad ei dorri&apos;n fyr.</translation>
    </message>
</context>
<context>
    <name>postwr::steps::StatusStep</name>
    <message>
        <source>Service status</source>
        <translation>Statws y gwasanaeth</translation>
    </message>
    <message>
        <source>Asking postwrd its version</source>
        <translation>Yn gofyn i postwrd am ei fersiwn</translation>
    </message>
    <message>
        <source>postwrd is not installed in %1: %2</source>
        <translation>Nid yw postwrd wedi&apos;i osod yn %1: %2</translation>
    </message>
    <message>
        <source>%1 is running.</source>
        <translation>Mae %1 yn rhedeg.</translation>
    </message>
    <message>
        <source>%1 is installed but not running.</source>
        <translation>Mae %1 wedi&apos;i osod ond nid yw&apos;n rhedeg.</translation>
    </message>
    <message>
        <source>Looking at the queue</source>
        <translation>Yn edrych ar y ciw</translation>
    </message>
    <message>
        <source>Messages waiting in the queue: %1</source>
        <translation>Negeseuon yn aros yn y ciw: %1</translation>
    </message>
    <message>
        <source>The last lines of postwrd&apos;s log:</source>
        <translation>Llinellau olaf log postwrd:</translation>
    </message>
    <message>
        <source>Reading postwrd&apos;s log</source>
        <translation>Yn darllen log postwrd</translation>
    </message>
    <message>
        <source>postwrd is not running. Its log above says why; run the install step to start it.</source>
        <translation>Nid yw postwrd yn rhedeg. Mae ei log uchod yn dweud pam; rhedwch y cam gosod i&apos;w gychwyn.</translation>
    </message>
    <message>
        <source>Backup: %1</source>
        <translation>Copi wrth gefn: %1</translation>
    </message>
</context>
<context>
    <name>postwr::steps::Steps</name>
    <message>
        <source>Checking whether postwrd runs</source>
        <translation>Yn gwirio a yw postwrd yn rhedeg</translation>
    </message>
    <message>
        <source>%1: cancelled</source>
        <translation>%1: wedi&apos;i ganslo</translation>
    </message>
    <message>
        <source>%1: no answer within %2 seconds</source>
        <translation>%1: dim ateb o fewn %2 eiliad</translation>
    </message>
    <message>
        <source>%1: failed with exit status %2</source>
        <translation>%1: wedi methu gyda statws gadael %2</translation>
    </message>
    <message>
        <source>%1: failed with exit status %2: %3</source>
        <translation>%1: wedi methu gyda statws gadael %2: %3</translation>
    </message>
    <message>
        <source>Starting postwrd</source>
        <translation>Yn cychwyn postwrd</translation>
    </message>
    <message>
        <source>Reading postwrd&apos;s log</source>
        <translation>Yn darllen log postwrd</translation>
    </message>
    <message>
        <source>Starting postwrd (user mode, supervised by %1)</source>
        <translation>Yn cychwyn postwrd (modd defnyddiwr, wedi&apos;i oruchwylio gan %1)</translation>
    </message>
    <message>
        <source>Waiting for postwrd to be ready</source>
        <translation>Yn aros i postwrd fod yn barod</translation>
    </message>
    <message>
        <source>postwrd did not start: %1</source>
        <translation>Ni chychwynnodd postwrd: %1</translation>
    </message>
    <message>
        <source>Stopping postwrd</source>
        <translation>Yn atal postwrd</translation>
    </message>
    <message>
        <source>Restarting postwrd</source>
        <translation>Yn ailgychwyn postwrd</translation>
    </message>
    <message>
        <source>Reloading postwrd</source>
        <translation>Yn ail-lwytho postwrd</translation>
    </message>
    <message>
        <source>[good]</source>
        <translation>[da]</translation>
    </message>
    <message>
        <source>[warning]</source>
        <translation>[rhybudd]</translation>
    </message>
    <message>
        <source>[problem]</source>
        <translation>[problem]</translation>
    </message>
    <message>
        <source>Cannot find the home directory of %1 on the server.</source>
        <translation>Methu dod o hyd i gyfeiriadur cartref %1 ar y gweinydd.</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>Yn darllen %1</translation>
    </message>
    <message>
        <source>postwrd is not installed here yet (%1)</source>
        <translation>Nid yw postwrd wedi&apos;i osod yma eto (%1)</translation>
    </message>
    <message>
        <source>Recording the change in the backup</source>
        <translation>Yn cofnodi&apos;r newid yn y copi wrth gefn</translation>
    </message>
</context>
<context>
    <name>postwr::steps::TestMailStep</name>
    <message>
        <source>Reading postwrd&apos;s log</source>
        <translation>Yn darllen log postwrd</translation>
    </message>
    <message>
        <source>Connected to %1 (%2), port %3.</source>
        <translation>Wedi cysylltu â %1 (%2), porth %3.</translation>
    </message>
    <message>
        <source>%1 (%2); the certificate for %3, valid until %4, is the self-signed one Postwr made (trusted by its fingerprint until the certificate step).</source>
        <translation>%1 (%2); y dystysgrif ar gyfer %3, yn ddilys tan %4, yw&apos;r un hunan-lofnodedig a wnaeth Postwr (yn cael ei hymddiried drwy ei hôl bys nes y cam tystysgrif).</translation>
    </message>
    <message>
        <source>%1 (%2); the certificate for %3 is valid until %4.</source>
        <translation>%1 (%2); mae&apos;r dystysgrif ar gyfer %3 yn ddilys tan %4.</translation>
    </message>
    <message>
        <source>Logged in as %1.</source>
        <translation>Wedi mewngofnodi fel %1.</translation>
    </message>
    <message>
        <source>The server took the message: queue id %1.</source>
        <translation>Derbyniodd y gweinydd y neges: rhif ciw %1.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Wedi&apos;i ganslo.</translation>
    </message>
    <message>
        <source>The message was not signed with DKIM: make a key for the sender&apos;s domain (the DKIM step) and publish its record.</source>
        <translation>Ni lofnodwyd y neges â DKIM: gwnewch allwedd ar gyfer parth yr anfonwr (y cam DKIM) a chyhoeddwch ei chofnod.</translation>
    </message>
    <message>
        <source>Signed with DKIM: %1, selector %2, domain %3.</source>
        <translation>Wedi&apos;i llofnodi â DKIM: %1, dewisydd %2, parth %3.</translation>
    </message>
    <message>
        <source>Delivered to the mailbox of %1 on this server.</source>
        <translation>Wedi&apos;i danfon i flwch post %1 ar y gweinydd hwn.</translation>
    </message>
    <message>
        <source>Delivered to %1 at %2 (%3, over %4): %5</source>
        <translation>Wedi&apos;i danfon i %1 yn %2 (%3, dros %4): %5</translation>
    </message>
    <message>
        <source>no encryption</source>
        <translation>dim amgryptio</translation>
    </message>
    <message>
        <source>%1 refused the message for good: %2. %3</source>
        <translation>Gwrthododd %1 y neges am byth: %2. %3</translation>
    </message>
    <message>
        <source>Not delivered yet, postwrd will try again in %1 seconds: %2. %3</source>
        <translation>Heb ei danfon eto, bydd postwrd yn rhoi cynnig arall arni ymhen %1 eiliad: %2. %3</translation>
    </message>
    <message>
        <source>The message is still waiting in the queue after %1 seconds; the status step shows postwrd&apos;s log.</source>
        <translation>Mae&apos;r neges yn dal i aros yn y ciw ar ôl %1 eiliad; mae&apos;r cam statws yn dangos log postwrd.</translation>
    </message>
    <message>
        <source>To send as %1 from Gmail: Settings, Accounts, &quot;Send mail as&quot;, &quot;Add another email address&quot;:</source>
        <translation>I anfon fel %1 o Gmail: Gosodiadau, Cyfrifon, &quot;Anfon post fel&quot;, &quot;Ychwanegu cyfeiriad e-bost arall&quot;:</translation>
    </message>
    <message>
        <source>  SMTP Server: %1</source>
        <translation>  Gweinydd SMTP: %1</translation>
    </message>
    <message>
        <source>  Port: %1</source>
        <translation>  Porth: %1</translation>
    </message>
    <message>
        <source>  Username: %1</source>
        <translation>  Enw defnyddiwr: %1</translation>
    </message>
    <message>
        <source>  Password: the password of %1</source>
        <translation>  Cyfrinair: cyfrinair %1</translation>
    </message>
    <message>
        <source>  Secured connection using SSL</source>
        <translation>  Cysylltiad diogel yn defnyddio SSL</translation>
    </message>
    <message>
        <source>  Secured connection using TLS (recommended)</source>
        <translation>  Cysylltiad diogel yn defnyddio TLS (argymhellir)</translation>
    </message>
    <message>
        <source>Gmail then sends a confirmation code to %1; it arrives in the mailbox this server forwards to.</source>
        <translation>Yna mae Gmail yn anfon cod cadarnhau i %1; mae&apos;n cyrraedd y blwch post y mae&apos;r gweinydd hwn yn anfon ymlaen iddo.</translation>
    </message>
    <message>
        <source>Send a test message</source>
        <translation>Anfon neges brawf</translation>
    </message>
    <message>
        <source>The password of %1 should be in the environment variable %2, which is not set.</source>
        <translation>Dylai cyfrinair %1 fod yn y newidyn amgylchedd %2, nad yw wedi&apos;i osod.</translation>
    </message>
    <message>
        <source>Reading the server&apos;s certificate</source>
        <translation>Yn darllen tystysgrif y gweinydd</translation>
    </message>
    <message>
        <source>Sending test message %1 from %2 to %3.</source>
        <translation>Yn anfon neges brawf %1 o %2 i %3.</translation>
    </message>
    <message>
        <source>In the receiving mailbox, look for the subject &quot;Postwr test message %1&quot;. In Gmail, &quot;Show original&quot; should say SPF: PASS, DKIM: PASS and DMARC: PASS.</source>
        <translation>Yn y blwch post derbyn, chwiliwch am y pwnc &quot;Neges brawf Postwr %1&quot;. Yn Gmail, dylai &quot;Dangos y gwreiddiol&quot; ddweud SPF: PASS, DKIM: PASS a DMARC: PASS.</translation>
    </message>
    <message>
        <source>The server&apos;s check could not run: %1. Give the mail host name an A record (the DNS step).</source>
        <translation>Ni allai gwiriad y gweinydd redeg: %1. Rhowch gofnod A i enw gwesteiwr y post (y cam DNS).</translation>
    </message>
    <message>
        <source>SPF for mail from %1: %2%3</source>
        <translation>SPF ar gyfer post o %1: %2%3</translation>
    </message>
    <message>
        <source>DKIM: %1%2</source>
        <translation>DKIM: %1%2</translation>
    </message>
    <message>
        <source>DMARC: %1%2</source>
        <translation>DMARC: %1%2</translation>
    </message>
    <message>
        <source>The server&apos;s own check failed: receivers would not trust this mail. Publish the records of the DNS step and check them there.</source>
        <translation>Methodd gwiriad y gweinydd ei hun: ni fyddai derbynwyr yn ymddiried yn y post hwn. Cyhoeddwch gofnodion y cam DNS a&apos;u gwirio yno.</translation>
    </message>
    <message>
        <source>SPF, DKIM and DMARC pass: receivers can trust mail from this server.</source>
        <translation>Mae SPF, DKIM a DMARC yn pasio: gall derbynwyr ymddiried mewn post o&apos;r gweinydd hwn.</translation>
    </message>
    <message>
        <source>In Thunderbird, Outlook or Apple Mail, the outgoing (SMTP) server for %1:</source>
        <translation>Yn Thunderbird, Outlook neu Apple Mail, y gweinydd post allan (SMTP) ar gyfer %1:</translation>
    </message>
    <message>
        <source>  Server: %1, port %2, %3</source>
        <translation>  Gweinydd: %1, porth %2, %3</translation>
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
        <translation>  Dilysu: cyfrinair arferol; enw defnyddiwr: %1</translation>
    </message>
    <message>
        <source>Incoming mail is forwarded to your mailbox elsewhere: this server has no IMAP, so the clients&apos; automatic setup (autoconfig, autodiscover) does not apply; enter these values by hand.</source>
        <translation>Mae post sy&apos;n dod i mewn yn cael ei anfon ymlaen i&apos;ch blwch post mewn man arall: nid oes IMAP ar y gweinydd hwn, felly nid yw gosod awtomatig y rhaglenni (autoconfig, autodiscover) yn berthnasol; rhowch y gwerthoedd hyn â llaw.</translation>
    </message>
</context>
<context>
    <name>postwr::steps::TlsStep</name>
    <message>
        <source>postwrd&apos;s description of its certificate cannot be read: %1</source>
        <translation>Ni ellir darllen disgrifiad postwrd o&apos;i dystysgrif: %1</translation>
    </message>
    <message>
        <source>The certificate for %1 expired on %2: mail programs refuse to send through the server. Get a new one here.</source>
        <translation>Daeth y dystysgrif ar gyfer %1 i ben ar %2: mae rhaglenni post yn gwrthod anfon drwy&apos;r gweinydd. Sicrhewch un newydd yma.</translation>
    </message>
    <message>
        <source>Self-signed certificate for %1, valid until %2: for testing only, mail programs warn about it and Gmail shows no lock.</source>
        <translation>Tystysgrif hunan-lofnodedig ar gyfer %1, yn ddilys tan %2: ar gyfer profi yn unig, mae rhaglenni post yn rhybuddio amdani ac nid yw Gmail yn dangos clo.</translation>
    </message>
    <message numerus="yes">
        <source>The certificate for %1 from %2 ends in %n day(s), on %3: its renewal has failed. Get it again here to see why.</source>
        <translation>
            <numerusform>Mae&apos;r dystysgrif ar gyfer %1 gan %2 yn dod i ben ymhen %n diwrnod, ar %3: mae ei hadnewyddu wedi methu. Sicrhewch hi eto yma i weld pam.</numerusform>
            <numerusform>Mae&apos;r dystysgrif ar gyfer %1 gan %2 yn dod i ben ymhen %n diwrnod, ar %3: mae ei hadnewyddu wedi methu. Sicrhewch hi eto yma i weld pam.</numerusform>
            <numerusform>Mae&apos;r dystysgrif ar gyfer %1 gan %2 yn dod i ben ymhen %n diwrnod, ar %3: mae ei hadnewyddu wedi methu. Sicrhewch hi eto yma i weld pam.</numerusform>
            <numerusform>Mae&apos;r dystysgrif ar gyfer %1 gan %2 yn dod i ben ymhen %n diwrnod, ar %3: mae ei hadnewyddu wedi methu. Sicrhewch hi eto yma i weld pam.</numerusform>
            <numerusform>Mae&apos;r dystysgrif ar gyfer %1 gan %2 yn dod i ben ymhen %n diwrnod, ar %3: mae ei hadnewyddu wedi methu. Sicrhewch hi eto yma i weld pam.</numerusform>
        </translation>
    </message>
    <message>
        <source>Certificate for %1 from %2, valid until %3.</source>
        <translation>Tystysgrif ar gyfer %1 gan %2, yn ddilys tan %3.</translation>
    </message>
    <message>
        <source>Reading the certificate postwrd serves</source>
        <translation>Yn darllen y dystysgrif y mae postwrd yn ei chyflwyno</translation>
    </message>
    <message>
        <source>Install a TLS certificate</source>
        <translation>Gosod tystysgrif TLS</translation>
    </message>
    <message>
        <source>Get a certificate for %1 from %2 with certbot (answering on port %3 for a moment), and renew it automatically</source>
        <translation>Cael tystysgrif ar gyfer %1 gan %2 gyda certbot (gan ateb ar borth %3 am ennyd), a&apos;i hadnewyddu&apos;n awtomatig</translation>
    </message>
    <message>
        <source>Install the certificate %1 with the key %2</source>
        <translation>Gosod y dystysgrif %1 gyda&apos;r allwedd %2</translation>
    </message>
    <message>
        <source>Make a new self-signed certificate for %1 (mail programs will warn about it)</source>
        <translation>Creu tystysgrif hunan-lofnodedig newydd ar gyfer %1 (bydd rhaglenni post yn rhybuddio amdani)</translation>
    </message>
    <message>
        <source>Installing the certificate %1</source>
        <translation>Yn gosod y dystysgrif %1</translation>
    </message>
    <message>
        <source>Making a self-signed certificate</source>
        <translation>Yn creu tystysgrif hunan-lofnodedig</translation>
    </message>
    <message>
        <source>The certificate for %1 from %2 is valid until %3: kept.</source>
        <translation>Mae&apos;r dystysgrif ar gyfer %1 gan %2 yn ddilys tan %3: wedi&apos;i chadw.</translation>
    </message>
    <message>
        <source>%1 does not resolve yet: add its A record (%2) on the DNS page, wait a few minutes and try again. Let&apos;s Encrypt finds the server by this name.</source>
        <translation>Nid yw %1 yn datrys eto: ychwanegwch ei gofnod A (%2) ar y dudalen DNS, arhoswch ychydig funudau a rhowch gynnig arall arni. Mae Let&apos;s Encrypt yn dod o hyd i&apos;r gweinydd drwy&apos;r enw hwn.</translation>
    </message>
    <message>
        <source>%1 points to %2, not to this server (%3): Let&apos;s Encrypt would ask another machine. Fix its A/AAAA records and try again.</source>
        <translation>Mae %1 yn pwyntio at %2, nid at y gweinydd hwn (%3): byddai Let&apos;s Encrypt yn holi peiriant arall. Cywirwch ei gofnodion A/AAAA a rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>%1 resolves to this server (%2).</source>
        <translation>Mae %1 yn datrys i&apos;r gweinydd hwn (%2).</translation>
    </message>
    <message>
        <source>Looking for certbot</source>
        <translation>Yn chwilio am certbot</translation>
    </message>
    <message>
        <source>Installing certbot</source>
        <translation>Yn gosod certbot</translation>
    </message>
    <message>
        <source>Writing certbot&apos;s deploy hook</source>
        <translation>Yn ysgrifennu bachyn lleoli (deploy hook) certbot</translation>
    </message>
    <message>
        <source>Asking %1 for a certificate</source>
        <translation>Yn gofyn i %1 am dystysgrif</translation>
    </message>
    <message>
        <source>Installing the certificate</source>
        <translation>Yn gosod y dystysgrif</translation>
    </message>
    <message>
        <source>Writing the renewal script</source>
        <translation>Yn ysgrifennu&apos;r sgript adnewyddu</translation>
    </message>
    <message>
        <source>Scheduling the renewal</source>
        <translation>Yn amserlennu&apos;r adnewyddu</translation>
    </message>
    <message>
        <source>There is no crontab on the server: run %1 twice a day some other way, or the certificate expires in 90 days.</source>
        <translation>Does dim crontab ar y gweinydd: rhedwch %1 ddwywaith y dydd mewn rhyw ffordd arall, neu bydd y dystysgrif yn dod i ben ymhen 90 diwrnod.</translation>
    </message>
    <message>
        <source>Turning on certbot&apos;s renewal timer</source>
        <translation>Yn troi amserydd adnewyddu certbot ymlaen</translation>
    </message>
    <message>
        <source>certbot succeeded, but postwrd still serves another certificate (%1).</source>
        <translation>Llwyddodd certbot, ond mae postwrd yn dal i gyflwyno tystysgrif arall (%1).</translation>
    </message>
    <message>
        <source>postwrd serves a certificate for %1 from %2, valid until %3; it renews by itself.</source>
        <translation>Mae postwrd yn cyflwyno tystysgrif ar gyfer %1 gan %2, yn ddilys tan %3; mae&apos;n adnewyddu ei hun.</translation>
    </message>
    <message>
        <source>Get a certificate for %1 from %2 with certbot, proving the name through Cloudflare&apos;s DNS, and renew it automatically</source>
        <translation>Cael tystysgrif ar gyfer %1 gan %2 gyda certbot, gan brofi&apos;r enw drwy DNS Cloudflare, a&apos;i hadnewyddu&apos;n awtomatig</translation>
    </message>
    <message>
        <source>certbot is not installed on the server, and installing it needs root: ask the administrator to run apt-get install %1.</source>
        <translation>Nid yw certbot wedi&apos;i osod ar y gweinydd, ac mae angen root i&apos;w osod: gofynnwch i&apos;r gweinyddwr redeg apt-get install %1.</translation>
    </message>
    <message>
        <source>The Cloudflare API token is missing (%1).</source>
        <translation>Mae&apos;r tocyn API Cloudflare ar goll (%1).</translation>
    </message>
    <message>
        <source>Storing the Cloudflare API token on the server</source>
        <translation>Yn cadw&apos;r tocyn API Cloudflare ar y gweinydd</translation>
    </message>
</context>
<context>
    <name>postwr::steps::UninstallStep</name>
    <message>
        <source>Uninstall postwrd</source>
        <translation>Dadosod postwrd</translation>
    </message>
    <message>
        <source>Stop postwrd</source>
        <translation>Atal postwrd</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Dileu %1</translation>
    </message>
    <message>
        <source>Delete the configuration, the queue and all mail in %1, %2 and %3</source>
        <translation>Dileu&apos;r ffurfweddiad, y ciw a&apos;r holl bost yn %1, %2 a %3</translation>
    </message>
    <message>
        <source>Keep the configuration, the queue and the mail</source>
        <translation>Cadw&apos;r ffurfweddiad, y ciw a&apos;r post</translation>
    </message>
    <message>
        <source>Removing postwrd</source>
        <translation>Yn dileu postwrd</translation>
    </message>
    <message>
        <source>postwrd is removed, with its configuration, queue and mail.</source>
        <translation>Mae postwrd wedi&apos;i ddileu, gyda&apos;i ffurfweddiad, ei giw a&apos;i bost.</translation>
    </message>
    <message>
        <source>postwrd is removed; its configuration, queue and mail are kept in %1, %2 and %3.</source>
        <translation>Mae postwrd wedi&apos;i ddileu; mae ei ffurfweddiad, ei giw a&apos;i bost wedi&apos;u cadw yn %1, %2 a %3.</translation>
    </message>
</context>
</TS>
