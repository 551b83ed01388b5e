import { describe, expect, it } from 'vitest';
import { readXmlContacts } from './xml-contacts';

const whispir = (
  prefix: string,
  declare = `xmlns${prefix ? `:${prefix}` : ''}="http://schemas.api.whispir.com"`,
): string => {
  const p = prefix ? `${prefix}:` : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<${p}import ${declare} xmlns:ns3="http://schemas.api.whispir.com/dap">
  <${p}contacts>
    <${p}contact>
      <firstName>John</firstName><lastName>Smith</lastName>
      <workMobilePhone1>0423456789</workMobilePhone1><timezone>+10</timezone>
    </${p}contact>
    <${p}contact>
      <firstName>Zoë</firstName><lastName>Nguyen</lastName>
      <workMobilePhone1>0412345678</workMobilePhone1><timezone>+10</timezone>
    </${p}contact>
  </${p}contacts>
</${p}import>`;
};

const WHISPIR_ROWS = [
  ['John', 'Smith', '0423456789', '+10'],
  ['Zoë', 'Nguyen', '0412345678', '+10'],
];
const WHISPIR_HEADERS = ['firstName', 'lastName', 'workMobilePhone1', 'timezone'];

describe('readXmlContacts', () => {
  const cases: {
    description: string;
    input: string;
    expected: { headers: string[]; rows: string[][]; source: string; codes: string[] };
  }[] = [
    {
      description: 'Whispir ns2:import',
      input: whispir('ns2'),
      expected: {
        headers: WHISPIR_HEADERS,
        rows: WHISPIR_ROWS,
        source: 'ns2:import/ns2:contacts/ns2:contact',
        codes: [],
      },
    },
    {
      description: 'Whispir with another prefix',
      input: whispir('w'),
      expected: {
        headers: WHISPIR_HEADERS,
        rows: WHISPIR_ROWS,
        source: 'w:import/w:contacts/w:contact',
        codes: [],
      },
    },
    {
      description: 'Whispir with a default namespace',
      input: whispir(''),
      expected: {
        headers: WHISPIR_HEADERS,
        rows: WHISPIR_ROWS,
        source: 'import/contacts/contact',
        codes: [],
      },
    },
    {
      description:
        'the Whispir namespace is required for the Whispir rule, but repetition still finds records',
      input:
        '<import><contacts><contact><a>1</a></contact><contact><a>2</a></contact></contacts></import>',
      expected: {
        headers: ['a'],
        rows: [['1'], ['2']],
        source: 'import/contacts/contact',
        codes: [],
      },
    },
    {
      description:
        'plain repeated elements; attributes as @ columns; nested as dotted; repeats joined',
      input: `<people exported="2026-11-01">
  <person id="7"><name>Ann</name><address><city>Perth</city></address><tag>vip</tag><tag>staff</tag></person>
  <person id="8"><name>Bob</name><mobile type="work">0412000111</mobile></person>
</people>`,
      expected: {
        headers: ['@id', 'name', 'address.city', 'tag', 'mobile', 'mobile.@type'],
        rows: [
          ['7', 'Ann', 'Perth', 'vip; staff', '', ''],
          ['8', 'Bob', '', '', '0412000111', 'work'],
        ],
        source: 'people/person',
        codes: [],
      },
    },
    {
      description: 'the most frequent repeated element wins over a single sibling',
      input:
        '<export><meta><by>x</by></meta><rows><row><a>1</a></row><row><a>2</a></row><row><a>3</a></row></rows></export>',
      expected: {
        headers: ['a'],
        rows: [['1'], ['2'], ['3']],
        source: 'export/rows/row',
        codes: [],
      },
    },
    {
      description: 'text kept as written (CDATA, entities, spaces)',
      input: '<list><c><n><![CDATA[A & B]]></n><m> 0412 </m></c><c><n>C &amp; D</n><m/></c></list>',
      expected: {
        headers: ['n', 'm'],
        rows: [
          ['A & B', ' 0412 '],
          ['C & D', ''],
        ],
        source: 'list/c',
        codes: [],
      },
    },
    {
      description: 'malformed XML',
      input: '<contacts>\n<contact><a>1</a></contact>\n<contact><a>2</b></contact>\n</contacts>',
      expected: { headers: [], rows: [], source: '', codes: ['xml-invalid'] },
    },
    {
      description: 'no records',
      input: '<contacts/>',
      expected: { headers: [], rows: [], source: 'contacts', codes: ['xml-no-records'] },
    },
    {
      description: 'contacts kept by department: the contacts, not one row per department',
      input:
        '<contacts><department name="Sales">' +
        '<contact><name>Ann</name><email>ann@x.com</email></contact>' +
        '<contact><name>Bob</name><email>bob@x.com</email></contact>' +
        '</department><department name="Support">' +
        '<contact><name>Cat</name><email>cat@x.com</email></contact>' +
        '</department></contacts>',
      expected: {
        headers: ['name', 'email'],
        rows: [
          ['Ann', 'ann@x.com'],
          ['Bob', 'bob@x.com'],
          ['Cat', 'cat@x.com'],
        ],
        source: 'contacts/department/contact',
        codes: [],
      },
    },
    {
      description: "a person's phones with fields of their own stay the person's",
      input:
        '<people>' +
        '<person><name>Ann</name><phone><type>mobile</type><number>041</number></phone>' +
        '<phone><type>work</type><number>02</number></phone></person>' +
        '<person><name>Bob</name><phone><type>mobile</type><number>042</number></phone>' +
        '<phone><type>work</type><number>03</number></phone></person>' +
        '</people>',
      expected: {
        headers: ['name', 'phone.type', 'phone.number'],
        rows: [
          ['Ann', 'mobile; work', '041; 02'],
          ['Bob', 'mobile; work', '042; 03'],
        ],
        source: 'people/person',
        codes: [],
      },
    },
    {
      description: "a person's two phones (no fields of their own) stay the person's",
      input:
        '<people>' +
        '<person><name>Ann</name><phone type="work">1</phone><phone type="home">2</phone></person>' +
        '<person><name>Bob</name><phone type="work">3</phone><phone type="home">4</phone></person>' +
        '</people>',
      expected: {
        headers: ['name', 'phone', 'phone.@type'],
        rows: [
          ['Ann', '1; 2', 'work; home'],
          ['Bob', '3; 4', 'work; home'],
        ],
        source: 'people/person',
        codes: [],
      },
    },
    {
      description: 'text with markup in it (mixed content) is one value, all its words kept',
      input:
        '<people>' +
        '<person><name>Ann <b>Lee</b></name><note><![CDATA[VIP]]> <i>since</i> 2019</note></person>' +
        '<person><name>\n    Bob\n    <b>Hale</b><br/>Jr\n  </name><note>new</note></person>' +
        '<person><address>1 Main St<br/>Perth WA</address><note/></person>' +
        '</people>',
      expected: {
        headers: ['name', 'note', 'address'],
        rows: [
          ['Ann Lee', 'VIP since 2019', ''],
          ['Bob Hale Jr', 'new', ''],
          ['', '', '1 Main St Perth WA'],
        ],
        source: 'people/person',
        codes: [],
      },
    },
    {
      description: 'a contact’s typed phones are its columns, not the contacts',
      input:
        '<contacts><contact><first>Ann</first><email>ann@x.com</email>' +
        '<phone type="mobile">61412345001</phone><phone type="work">61298765001</phone>' +
        '<tag id="1"/><tag id="2"/><tag id="3"/></contact></contacts>',
      expected: {
        headers: ['first', 'email', 'phone', 'phone.@type', 'tag.@id'],
        rows: [['Ann', 'ann@x.com', '61412345001; 61298765001', 'mobile; work', '1; 2; 3']],
        source: 'contacts/contact',
        codes: [],
      },
    },
    {
      description: 'two contacts with three tagged phones each are two contacts',
      input:
        '<contacts>' +
        '<contact><n>Ann</n><p t="a">1</p><p t="b">2</p><p t="c">3</p></contact>' +
        '<contact><n>Bob</n><p t="a">4</p><p t="b">5</p><p t="c">6</p></contact>' +
        '</contacts>',
      expected: {
        headers: ['n', 'p', 'p.@t'],
        rows: [
          ['Ann', '1; 2; 3', 'a; b; c'],
          ['Bob', '4; 5; 6', 'a; b; c'],
        ],
        source: 'contacts/contact',
        codes: [],
      },
    },
    {
      description: 'a database export (phpMyAdmin): each row’s named columns',
      input:
        '<pma_xml_export version="1.0"><database name="crm">' +
        '<table name="contacts"><column name="id">1</column><column name="first_name">Ann</column>' +
        '<column name="email">ann@x.com</column></table>' +
        '<table name="contacts"><column name="id">2</column><column name="first_name">Bob</column>' +
        '<column name="email">bob@x.com</column></table>' +
        '<table name="contacts"><column name="id">3</column><column name="first_name">Cy</column>' +
        '<column name="email">cy@x.com</column></table>' +
        '</database></pma_xml_export>',
      expected: {
        headers: ['@name', 'id', 'first_name', 'email'],
        rows: [
          ['contacts', '1', 'Ann', 'ann@x.com'],
          ['contacts', '2', 'Bob', 'bob@x.com'],
          ['contacts', '3', 'Cy', 'cy@x.com'],
        ],
        source: 'pma_xml_export/database/table',
        codes: [],
      },
    },
    {
      description: 'a wrapper with a header part beside the list still finds the list',
      input:
        '<export><meta><created>2026-01-01</created><by>admin</by></meta><contacts>' +
        '<contact><n>Ann</n><e>a@x.com</e></contact><contact><n>Bob</n><e>b@x.com</e></contact>' +
        '</contacts></export>',
      expected: {
        headers: ['n', 'e'],
        rows: [
          ['Ann', 'a@x.com'],
          ['Bob', 'b@x.com'],
        ],
        source: 'export/contacts/contact',
        codes: [],
      },
    },
    {
      description: 'a contact’s nested list of phones is its parts, not the records',
      input:
        '<contacts><contact><firstName>Ann</firstName><email>a@x.com</email><phones>' +
        '<phone><type>mobile</type><number>0412</number></phone>' +
        '<phone><type>work</type><number>0298</number></phone>' +
        '</phones></contact></contacts>',
      expected: {
        headers: ['firstName', 'email', 'phones.phone.type', 'phones.phone.number'],
        rows: [['Ann', 'a@x.com', 'mobile; work', '0412; 0298']],
        source: 'contacts/contact',
        codes: [],
      },
    },
    {
      description: 'two contacts, one with three structured phones, are two contacts',
      input:
        '<contacts>' +
        '<contact><n>Ann</n><phone><t>m</t><v>1</v></phone><phone><t>w</t><v>2</v></phone>' +
        '<phone><t>h</t><v>3</v></phone></contact>' +
        '<contact><n>Bob</n><phone><t>m</t><v>4</v></phone></contact>' +
        '</contacts>',
      expected: {
        headers: ['n', 'phone.t', 'phone.v'],
        rows: [
          ['Ann', 'm; w; h', '1; 2; 3'],
          ['Bob', 'm', '4'],
        ],
        source: 'contacts/contact',
        codes: [],
      },
    },
    {
      description: 'records under wrappers of wrappers, beside a header part',
      input:
        '<export><meta><created>2024</created><by>admin</by></meta><data><contacts>' +
        '<contact><n>A</n><e>a@x.com</e></contact><contact><n>B</n><e>b@x.com</e></contact>' +
        '<contact><n>C</n><e>c@x.com</e></contact></contacts></data></export>',
      expected: {
        headers: ['n', 'e'],
        rows: [
          ['A', 'a@x.com'],
          ['B', 'b@x.com'],
          ['C', 'c@x.com'],
        ],
        source: 'export/data/contacts/contact',
        codes: [],
      },
    },
    {
      description: 'a SOAP query answer: the records beside its counts',
      input:
        '<Envelope><Body><queryResponse><result><done>true</done><queryLocator/>' +
        '<records><Name>A</Name><Email>a@x.com</Email></records>' +
        '<records><Name>B</Name><Email>b@x.com</Email></records>' +
        '<size>2</size></result></queryResponse></Body></Envelope>',
      expected: {
        headers: ['Name', 'Email'],
        rows: [
          ['A', 'a@x.com'],
          ['B', 'b@x.com'],
        ],
        source: 'Envelope/Body/queryResponse/result/records',
        codes: [],
      },
    },
    {
      description: 'records beside a count in an answer wrapper are the records',
      input:
        '<response><status>ok</status><result><total>3</total><page>1</page><pageSize>50</pageSize>' +
        '<contact><name>A</name><email>a@x.com</email></contact>' +
        '<contact><name>B</name><email>b@x.com</email></contact>' +
        '<contact><name>C</name><email>c@x.com</email></contact>' +
        '</result></response>',
      expected: {
        headers: ['name', 'email'],
        rows: [
          ['A', 'a@x.com'],
          ['B', 'b@x.com'],
          ['C', 'c@x.com'],
        ],
        source: 'response/result/contact',
        codes: [],
      },
    },
    {
      description: 'fields named by attribute under two element names keep them apart',
      input:
        '<contacts><contact><first>Ann</first><email name="work">a@x.com</email>' +
        '<email name="home">a@y.com</email><phone name="work">0412</phone>' +
        '<phone name="home">0298</phone></contact></contacts>',
      expected: {
        headers: ['first', 'email.work', 'email.home', 'phone.work', 'phone.home'],
        rows: [['Ann', 'a@x.com', 'a@y.com', '0412', '0298']],
        source: 'contacts/contact',
        codes: [],
      },
    },
    {
      description: 'text beside fields is the element’s value, its fields columns of their own',
      input:
        '<people>' +
        '<person><name>Ann</name><phone>0412 345 678<type>mobile</type></phone></person>' +
        '<person><name>Bob</name><phone> <number>0412 000 111</number> </phone></person>' +
        '</people>',
      expected: {
        headers: ['name', 'phone', 'phone.type', 'phone.number'],
        rows: [
          ['Ann', '0412 345 678', 'mobile', ''],
          ['Bob', '', '', '0412 000 111'],
        ],
        source: 'people/person',
        codes: [],
      },
    },
  ];
  it.each(cases)('$description', ({ input, expected }) => {
    const result = readXmlContacts(input);
    expect({
      headers: result.headers,
      rows: result.rows,
      source: result.source,
      codes: result.problems.map((p) => p.code),
    }).toEqual(expected);
  });

  it('finds contacts nested deep in an address book, not one record of everyone joined', () => {
    const table = readXmlContacts(`<?xml version="1.0" encoding="UTF-8"?>
<export version="2.1" created="2026-11-30T09:00:00Z">
  <account>
    <id>ACC-001</id>
    <name>Acme Pty Ltd</name>
    <addressBook>
      <title>Head office</title>
      <group>
        <name>All staff</name>
        <members>
          <contact>
            <firstName>Ann</firstName><lastName>Lee</lastName>
            <email>ann.lee@acme.com.au</email><mobile>0412 345 001</mobile>
          </contact>
          <contact>
            <firstName>Bob</firstName><lastName>Hale</lastName>
            <email>bob.hale@acme.com.au</email><mobile>0412 345 002</mobile>
          </contact>
          <contact>
            <firstName>Cy</firstName><lastName>Tran</lastName>
            <email>cy.tran@acme.com.au</email><mobile>0412 345 003</mobile>
          </contact>
        </members>
      </group>
    </addressBook>
  </account>
</export>`);
    expect(table.source).toBe('export/account/addressBook/group/members/contact');
    expect(table.headers).toEqual(['firstName', 'lastName', 'email', 'mobile']);
    expect(table.rows).toEqual([
      ['Ann', 'Lee', 'ann.lee@acme.com.au', '0412 345 001'],
      ['Bob', 'Hale', 'bob.hale@acme.com.au', '0412 345 002'],
      ['Cy', 'Tran', 'cy.tran@acme.com.au', '0412 345 003'],
    ]);
    expect(table.problems).toEqual([]);
  });

  it('reads the members of every group of an address book, not one row per group', () => {
    const member = (first: string, email: string) =>
      `<contact><firstName>${first}</firstName><email>${email}</email></contact>`;
    const table = readXmlContacts(
      '<export><account><id>7</id><name>Acme</name><addressBook>' +
        `<group><id>1</id><name>Sales</name><members>${member('Ann', 'ann@x.com')}${member('Bob', 'bob@x.com')}</members></group>` +
        `<group><id>2</id><name>Support</name><members>${member('Cy', 'cy@x.com')}</members></group>` +
        '</addressBook></account></export>',
    );
    expect(table.source).toBe('export/account/addressBook/group/members/contact');
    expect(table.rows).toEqual([
      ['Ann', 'ann@x.com'],
      ['Bob', 'bob@x.com'],
      ['Cy', 'cy@x.com'],
    ]);
    // One member in each group: still the members.
    const one = readXmlContacts(
      '<book><group><name>A</name><members>' +
        member('Ann', 'ann@x.com') +
        '</members></group><group><name>B</name><members>' +
        member('Bob', 'bob@x.com') +
        '</members></group></book>',
    );
    expect(one.rows).toEqual([
      ['Ann', 'ann@x.com'],
      ['Bob', 'bob@x.com'],
    ]);
  });

  it('reads the contacts of an Exchange (EWS) FindItem answer, eight levels down', () => {
    const contact = (id: string, given: string, surname: string, email: string, mobile: string) =>
      `<t:Contact>
              <t:ItemId Id="AAMkAD${id}=" ChangeKey="EQAAABYA${id}"/>
              <t:DisplayName>${given} ${surname}</t:DisplayName>
              <t:GivenName>${given}</t:GivenName>
              <t:Surname>${surname}</t:Surname>
              <t:EmailAddresses>
                <t:Entry Key="EmailAddress1">${email}</t:Entry>
                <t:Entry Key="EmailAddress2">${given.toLowerCase()}@home.example</t:Entry>
              </t:EmailAddresses>
              <t:PhoneNumbers>
                <t:Entry Key="BusinessPhone">+61 2 9876 5000</t:Entry>
                <t:Entry Key="MobilePhone">${mobile}</t:Entry>
              </t:PhoneNumbers>
            </t:Contact>`;
    const table = readXmlContacts(`<?xml version="1.0" encoding="utf-8"?>
<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">
  <s:Header>
    <h:ServerVersionInfo MajorVersion="15" MinorVersion="20" MajorBuildNumber="7249" MinorBuildNumber="20" Version="V2018_01_08" xmlns:h="http://schemas.microsoft.com/exchange/services/2006/types"/>
  </s:Header>
  <s:Body>
    <m:FindItemResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">
      <m:ResponseMessages>
        <m:FindItemResponseMessage ResponseClass="Success">
          <m:ResponseCode>NoError</m:ResponseCode>
          <m:RootFolder IndexedPagingOffset="3" TotalItemsInView="3" IncludesLastItemInRange="true">
            <t:Items>
            ${contact('1', 'Ann', 'Lee', 'ann.lee@acme.com.au', '+61 412 345 001')}
            ${contact('2', 'Bob', 'Hale', 'bob.hale@acme.com.au', '+61 412 345 002')}
            ${contact('3', 'Cy', 'Tran', 'cy.tran@acme.com.au', '+61 412 345 003')}
            </t:Items>
          </m:RootFolder>
        </m:FindItemResponseMessage>
      </m:ResponseMessages>
    </m:FindItemResponse>
  </s:Body>
</s:Envelope>`);
    expect(table.source).toBe(
      's:Envelope/s:Body/m:FindItemResponse/m:ResponseMessages/m:FindItemResponseMessage/m:RootFolder/t:Items/t:Contact',
    );
    expect(table.headers).toEqual([
      'ItemId.@Id',
      'ItemId.@ChangeKey',
      'DisplayName',
      'GivenName',
      'Surname',
      'EmailAddresses.EmailAddress1',
      'EmailAddresses.EmailAddress2',
      'PhoneNumbers.BusinessPhone',
      'PhoneNumbers.MobilePhone',
    ]);
    expect(table.rows.map((row) => [row[3], row[4], row[5], row[8]])).toEqual([
      ['Ann', 'Lee', 'ann.lee@acme.com.au', '+61 412 345 001'],
      ['Bob', 'Hale', 'bob.hale@acme.com.au', '+61 412 345 002'],
      ['Cy', 'Tran', 'cy.tran@acme.com.au', '+61 412 345 003'],
    ]);
  });

  it('keeps a single contact with its structured phones one contact, however deep', () => {
    const table = readXmlContacts(
      '<a><b><c><d><e><contact><firstName>Ann</firstName><email>ann@x.com</email><phones>' +
        '<phone><type>mobile</type><number>0412</number></phone>' +
        '<phone><type>work</type><number>0298</number></phone>' +
        '</phones></contact></e></d></c></b></a>',
    );
    expect(table.rows).toEqual([['Ann', 'ann@x.com', 'mobile; work', '0412; 0298']]);
  });

  const fmpXmlResult = (declare: string) => `<?xml version="1.0" encoding="UTF-8" ?>
<FMPXMLRESULT${declare}>
  <ERRORCODE>0</ERRORCODE>
  <PRODUCT BUILD="05-08-2024" NAME="FileMaker" VERSION="ProAdvanced 21.0.1"/>
  <DATABASE DATEFORMAT="D/m/yyyy" LAYOUT="" NAME="Contacts.fmp12" RECORDS="3" TIMEFORMAT="h:mm:ss a"/>
  <METADATA>
    <FIELD EMPTYOK="YES" MAXREPEAT="1" NAME="First Name" TYPE="TEXT"/>
    <FIELD EMPTYOK="YES" MAXREPEAT="1" NAME="Last Name" TYPE="TEXT"/>
    <FIELD EMPTYOK="YES" MAXREPEAT="1" NAME="Email" TYPE="TEXT"/>
    <FIELD EMPTYOK="YES" MAXREPEAT="1" NAME="Mobile" TYPE="TEXT"/>
    <FIELD EMPTYOK="YES" MAXREPEAT="2" NAME="Tags" TYPE="TEXT"/>
    <FIELD EMPTYOK="YES" MAXREPEAT="1" NAME="Created" TYPE="DATE"/>
  </METADATA>
  <RESULTSET FOUND="3">
    <ROW MODID="4" RECORDID="1">
      <COL><DATA>Ann</DATA></COL><COL><DATA>Lee</DATA></COL>
      <COL><DATA>ann.lee@acme.com.au</DATA></COL><COL><DATA>0412 345 001</DATA></COL>
      <COL><DATA>VIP</DATA><DATA>Staff</DATA></COL><COL><DATA>3/11/2024</DATA></COL>
    </ROW>
    <ROW MODID="1" RECORDID="2">
      <COL><DATA>Bob</DATA></COL><COL><DATA>Hale</DATA></COL>
      <COL><DATA></DATA></COL><COL><DATA>0412 345 002</DATA></COL>
      <COL><DATA>Staff</DATA><DATA/></COL><COL><DATA>4/11/2024</DATA></COL>
    </ROW>
    <ROW MODID="2" RECORDID="7">
      <COL><DATA>Zoë</DATA></COL><COL><DATA>O&apos;Neil</DATA></COL>
      <COL><DATA>zoe@acme.com.au</DATA></COL><COL/>
      <COL><DATA/></COL><COL><DATA>5/11/2024</DATA></COL>
    </ROW>
  </RESULTSET>
</FMPXMLRESULT>`;

  it.each([
    ['with its namespace', ' xmlns="http://www.filemaker.com/fmpxmlresult"'],
    ['without a namespace', ''],
  ])("reads FileMaker's XML export (FMPXMLRESULT) as its table, %s", (_how, declare) => {
    const table = readXmlContacts(fmpXmlResult(declare));
    expect(table.source).toBe('FMPXMLRESULT/RESULTSET/ROW');
    expect(table.headers).toEqual([
      'First Name',
      'Last Name',
      'Email',
      'Mobile',
      'Tags',
      'Created',
    ]);
    // A repeating field's values are joined with "; ", as repeated elements are elsewhere.
    expect(table.rows).toEqual([
      ['Ann', 'Lee', 'ann.lee@acme.com.au', '0412 345 001', 'VIP; Staff', '3/11/2024'],
      ['Bob', 'Hale', '', '0412 345 002', 'Staff; ', '4/11/2024'],
      ['Zoë', "O'Neil", 'zoe@acme.com.au', '', '', '5/11/2024'],
    ]);
    expect(table.rowNumbers).toEqual([1, 2, 3]);
    expect(table.problems).toEqual([]);
  });

  it("reads FileMaker's XML API answer (fmresultset) by its fields' names", () => {
    const table = readXmlContacts(`<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<fmresultset xmlns="http://www.filemaker.com/xml/fmresultset" version="1.0">
  <error code="0"/>
  <product build="05/08/2024" name="FileMaker Web Publishing Engine" version="21.0.1.53"/>
  <datasource database="Contacts" date-format="MM/dd/yyyy" layout="Contact List" table="Contacts" time-format="HH:mm:ss" timestamp-format="MM/dd/yyyy HH:mm:ss" total-count="2"/>
  <metadata>
    <field-definition auto-enter="no" four-digit-year="no" global="no" max-repeat="1" name="First Name" not-empty="no" numeric-only="no" result="text" time-of-day="no" type="normal"/>
    <field-definition auto-enter="no" four-digit-year="no" global="no" max-repeat="1" name="Email" not-empty="no" numeric-only="no" result="text" time-of-day="no" type="normal"/>
    <field-definition auto-enter="no" four-digit-year="no" global="no" max-repeat="1" name="Mobile" not-empty="no" numeric-only="no" result="text" time-of-day="no" type="normal"/>
    <relatedset-definition table="Notes"><field-definition name="Notes::Text" result="text" type="normal"/></relatedset-definition>
  </metadata>
  <resultset count="2" fetch-size="2">
    <record mod-id="3" record-id="1">
      <field name="First Name"><data>Ann</data></field>
      <field name="Mobile"><data>0412 345 001</data></field>
      <field name="Email"><data>ann.lee@acme.com.au</data></field>
      <relatedset count="1" table="Notes"><record mod-id="1" record-id="9"><field name="Notes::Text"><data>Called</data></field></record></relatedset>
    </record>
    <record mod-id="1" record-id="2">
      <field name="First Name"><data>Bob</data></field>
      <field name="Email"><data>bob.hale@acme.com.au</data></field>
      <field name="Mobile"><data/></field>
    </record>
  </resultset>
</fmresultset>`);
    expect(table.source).toBe('fmresultset/resultset/record');
    expect(table.headers).toEqual(['First Name', 'Email', 'Mobile']);
    expect(table.rows).toEqual([
      ['Ann', 'ann.lee@acme.com.au', '0412 345 001'],
      ['Bob', 'bob.hale@acme.com.au', ''],
    ]);
  });

  it('reads the people of a CRM export that also lists more companies, and says so', () => {
    const person = (first: string, email: string) =>
      `<contact><first>${first}</first><last>Lee</last><email>${email}</email></contact>`;
    const company = (name: string, email: string) =>
      `<company><name>${name}</name><email>${email}</email><phone>02 9876 5432</phone></company>`;
    const result = readXmlContacts(
      `<crm><contacts>${person('Olivia', 'o@acme.com.au')}${person('Liam', 'l@acme.com.au')}</contacts>` +
        `<companies>${company('Acme', 'a@acme.com.au')}${company('Kiwi', 'k@kiwi.nz')}${company('Brown', 'b@brown.au')}</companies></crm>`,
    );
    expect(result.rows.map((row) => row[0])).toEqual(['Olivia', 'Liam']);
    expect(result.problems).toEqual([
      expect.objectContaining({
        code: 'xml-records-left-out',
        severity: 'warning',
        message: expect.stringMatching(/^The file also holds 3 <company> records/),
      }),
    ]);
  });

  it('reports the line of malformed XML', () => {
    const [p] = readXmlContacts(
      '<contacts>\n<contact><a>1</a></contact>\n<contact><a>2</b></contact>\n</contacts>',
    ).problems;
    expect(p?.line).toBe(3);
    expect(p?.severity).toBe('error');
    expect(p?.message).toMatch(/line 3/);
  });
});
