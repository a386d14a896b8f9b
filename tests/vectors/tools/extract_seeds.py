#!/usr/bin/env python3
"""Turn every table row of the four seed documents into conformance vectors.

Expectations come from the seed documents themselves (code, message as printed, category
where the seed gives one, outcome where the seed labels one) and from the checked reference
tables in shared/reference (SNAP category of a standard code). They never come from
paycodes' own data files, so the vectors check the tables instead of restating them.

usage: extract_seeds.py [SHARED_DIR] [OUT_DIR]   (defaults: ../../../../shared, ..)
Re-run after a seed or reference change and review the diff; the output is committed.
"""
import csv, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, '../../../../shared')
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, '..')

def seed(prefix):
    d = os.path.join(SHARED, 'seeds')
    [name] = [f for f in os.listdir(d) if f.startswith(prefix)]
    return open(os.path.join(d, name), encoding='utf-8').read()

REF = {}
for r in csv.DictReader(open(os.path.join(SHARED, 'reference/snap-case-codes.tsv'), encoding='utf-8'), delimiter='\t'):
    REF[(r['http_status'], r['case_code'])] = r
def ref_category(http, case):
    r = REF.get((http, case))
    return r['category'].lower() if r else None

def snap_case(name, code, message, provider, category=None, extra=None):
    http, case = code[:3], code[5:]
    expect = {'family': 'snap', 'known': True, 'canonical': code.upper(), 'http_status': int(http),
              'case_code': case, 'message': message, 'provider': provider,
              'template': code[3:5].upper() == 'XX'}
    cat = category or ref_category(http, case)
    if cat:
        expect['category'] = cat
    if extra:
        expect.update(extra)
    return {'name': name, 'input': {'code': code, 'message': message, 'provider': provider}, 'expect': expect}

cases = []

# ---- seed 000: DOKU -------------------------------------------------------------------
doku = seed('000_').split('\n')
sections = {}
current = None
for line in doku:
    m = re.match(r'^(\d)\. (.+)$', line.strip())
    if m:
        current = m.group(2)
        sections[current] = []
        continue
    if current:
        sections[current].append(line.rstrip())

def xx_rows(lines):
    """Rows printed as: '400XX' / '01' / 'message' / [description lines]."""
    out = []
    i = 0
    while i < len(lines):
        if re.fullmatch(r'\d{3}XX', lines[i]) and i + 2 < len(lines) and re.fullmatch(r'\d{2}', lines[i + 1]):
            out.append((lines[i][:3], lines[i + 1], lines[i + 2]))
            i += 3
        else:
            i += 1
    return out

slug = {'Virtual Account': 'va', 'e-Wallet': 'ewallet', 'Direct Debit': 'direct_debit', 'QRIS': 'qris'}
for sec, key in slug.items():
    for n, (http, case, msg) in enumerate(xx_rows(sections[sec]), 1):
        cases.append(snap_case(f'doku/{key}/{n:03d}/{http}XX{case}', f'{http}XX{case}', msg, 'doku'))

# Kirim DOKU: '200' / '2004200' / message / description... / label
kd = [l for l in sections['Kirim DOKU'] if l.strip()]
labels = {'Success': 'success', 'Pending': 'pending'}
i = 0
n = 0
while i < len(kd):
    if re.fullmatch(r'\d{3}', kd[i]) and i + 1 < len(kd) and re.fullmatch(r'\d{7}', kd[i + 1]):
        http, code, msg = kd[i], kd[i + 1], kd[i + 2]
        j = i + 3
        label = None
        while j < len(kd) and not (re.fullmatch(r'\d{3}', kd[j]) and j + 1 < len(kd) and re.fullmatch(r'\d{7}', kd[j + 1])):
            if kd[j] in ('Success', 'Failed', 'Pending') or kd[j].startswith('Request API Failed'):
                label = kd[j]
            j += 1
        n += 1
        extra = {'service_code': code[3:5]}
        if label in labels:
            extra['outcome'] = labels[label]
        elif label and label.startswith('Request API Failed'):
            extra['outcome'] = 'failed'
        cases.append(snap_case(f'doku/kirim_doku/{n:03d}/{code}', code, msg, 'doku', extra=extra))
        i = j
    else:
        i += 1

# Kirim DOKU service names (the seed gives codes only; names per provider-service-codes.tsv).
KD_SERVICES = {'42': 'Account Inquiry (Kirim DOKU beneficiary bank account)',
               '11': 'Balance Inquiry (Kirim DOKU; inferred from the seed layout)',
               '43': 'Transfer Bank (Kirim DOKU)', '53': 'Check Status (Kirim DOKU)'}
for c in cases:
    if c['name'].startswith('doku/kirim_doku/'):
        c['expect']['service'] = {'code': c['expect']['service_code'], 'name': KD_SERVICES[c['expect']['service_code']],
                                  'moves_money': c['expect']['service_code'] == '43'}

# ---- seed 001: iFortepay response codes -----------------------------------------------
ifp = seed('001_')
IFP_MESSAGES = {('400', '01'): 'Invalid Field Format', ('400', '02'): 'Invalid Mandatory Field',
                ('405', '01'): 'Requested Operation Is Not Allowed'}
n = 0
for line in ifp.split('\n'):
    m = re.match(r'^(Success|System|Message|Business)(\d{3})([Aa]ny)(\d{2})(.*)$', line.strip())
    if not m:
        continue
    cat, http, _, case, rest = m.groups()
    msg = IFP_MESSAGES.get((http, case)) or REF[(http, case)]['response_message']
    # The seed prints message and description run together: the message must be its start.
    assert rest.startswith(msg), (http, case, rest)
    if (http, case) in IFP_MESSAGES:
        nxt = rest[len(msg):]
        assert not nxt.startswith((' {', '{')), (http, case, rest)
    n += 1
    cases.append(snap_case(f'ifortepay/{n:03d}/{http}XX{case}', f'{http}XX{case}', msg, 'ifortepay', category=cat.lower()))
assert n == 63, n

# ---- seed 002: Bank Neo Commerce --------------------------------------------------------
bnc = seed('002_')
def paragraphs(text):
    """Blank-line separated fields; a field's own line breaks become one space, every other
    character (a non-breaking space, a double space) stays as printed."""
    out = []
    for p in re.split(r'\n[ \t]*\n', text):
        lines = [l.strip(' \t\r') for l in p.split('\n')]
        p = ' '.join(l for l in lines if l)
        if p:
            out.append(p)
    return out
paras = paragraphs(bnc)
n = 0
for k in range(len(paras) - 4):
    if paras[k] in ('Success', 'System', 'Message', 'Business') and re.fullmatch(r'\d{3}', paras[k + 1]) \
            and paras[k + 2].lower() == 'any' and re.fullmatch(r'\d{2}', paras[k + 3]):
        http, case = paras[k + 1], paras[k + 3]
        msg = paras[k + 4]
        n += 1
        cases.append(snap_case(f'bank_neo_commerce/{n:03d}/{http}XX{case}', f'{http}XX{case}', msg,
                               'bank_neo_commerce', category=paras[k].lower()))
assert n == 63, n
BNC_SERVICES = [('MPM Code Generation', '47'), ('Transaction Status Notification', '52'),
                ('Transaction Status Inquiry - Dynamic', '51'), ('Transaction Status Inquiry - Static', '12'),
                ('Refund API', '78')]
for name, code in BNC_SERVICES:
    assert f'{name}\n\n{code}' in bnc, name
    cases.append({'name': f'bank_neo_commerce/service/{code}', 'input': {'code': f'200{code}00', 'provider': 'bank_neo_commerce'},
                  'expect': {'known': True, 'service_code': code, 'service': {'code': code, 'name': name}, 'outcome': 'success'}})
assert 'Sample of Response Code: MPM Code generation is successful = 2004700' in bnc

# ---- seed 003: Ayoconnect ---------------------------------------------------------------
ayo = seed('003_')
paras = paragraphs(ayo)
n = 0
for k in range(len(paras) - 3):
    if re.fullmatch(r'\d{3}', paras[k]) and paras[k + 1].lower() == 'any' and re.fullmatch(r'\d{2}', paras[k + 2]):
        http, case, msg = paras[k], paras[k + 2], paras[k + 3]
        n += 1
        cases.append(snap_case(f'ayoconnect/{n:03d}/{http}XX{case}', f'{http}XX{case}', msg, 'ayoconnect'))
assert n == 63, n
m = re.search(r'Service codeService\n(.*?)\n\n', ayo, re.S)
for line in m.group(1).split('\n'):
    code, name = line[:2], line[2:]
    cases.append({'name': f'ayoconnect/service/{code}', 'input': {'code': f'200{code}00', 'provider': 'ayoconnect'},
                  'expect': {'known': True, 'service_code': code, 'service': {'code': code, 'name': name}}})

def write(name, about, cases):
    names = [c['name'] for c in cases]
    assert len(names) == len(set(names)), name
    with open(os.path.join(OUT, name), 'w', encoding='utf-8') as f:
        json.dump({'about': about + ' (generated by tools/extract_seeds.py)', 'cases': cases}, f, indent=1, ensure_ascii=False)
        f.write('\n')
    print(len(cases), name)

write('snap_seeds.json', 'Every SNAP table row and service table of the four seed documents', cases)

# ---- seed 000 section 2: card codes and DOKU's string codes ------------------------------
card = sections['Credit Card']
CATEGORY = {'Issuer approved': 'approved', 'Issuer will never approve': 'will_never_approve',
            'Issuer cannot approve at this time': 'cannot_approve_now',
            'Issuer cannot approve based on details provided': 'cannot_approve_with_details',
            'Generic response codes': 'generic'}
# The mapping from the seed's category: never -> do_not_retry, cannot now ->
# retry_later, details -> ask_customer; approved is success.
BY_CATEGORY = {'approved': ('success', 'none'), 'will_never_approve': ('failed', 'do_not_retry'),
               'cannot_approve_now': ('failed', 'retry_later'), 'cannot_approve_with_details': ('failed', 'ask_customer')}
iso_cases, string_cases = [], []
k = 0
while k < len(card):
    line = card[k]
    if re.fullmatch(r'[0-9A-Z]{2}', line):
        desc, cat = card[k + 1], CATEGORY[card[k + 2]]
        m = re.match(r'^(.*) \(applies for (VISA|MASTERCARD)\)$', desc)
        network = m.group(2).lower() if m else None
        message = (m.group(1) if m else desc).replace('\u201c', '"').replace('\u201d', '"')
        inp = {'code': line, 'provider': 'doku'}
        if network:
            inp['network'] = network
        expect = {'family': 'iso8583', 'known': True, 'canonical': line, 'message': message, 'card_category': cat,
                  'category': cat, 'provider': 'doku', 'network': network}
        if cat in BY_CATEGORY and not (line == '10'):
            expect['outcome'], expect['action'] = BY_CATEGORY[cat]
        if cat != 'approved':
            expect['outcome'] = expect.get('outcome', 'failed') if line not in ('10', '94') else expect.get('outcome')
            if expect['outcome'] is None:
                del expect['outcome']
        iso_cases.append({'name': f'doku/card/{line}' + (f'/{network}' if network else ''), 'input': inp, 'expect': expect})
        k += 3
    elif re.fullmatch(r'[A-Z][A-Z0-9_]+', line):
        string_cases.append({'name': f'doku/string/{line}', 'input': {'code': line, 'provider': 'doku'},
                             'expect': {'family': 'provider', 'known': True, 'canonical': line, 'provider': 'doku'}})
        k += 2
    else:
        k += 1
assert len(iso_cases) == 88 and len(string_cases) == 33, (len(iso_cases), len(string_cases))
# A code printed for both networks: without a network the answer is neutral and lists both.
both = sorted({c['input']['code'] for c in iso_cases if c['input'].get('network') == 'visa'} &
              {c['input']['code'] for c in iso_cases if c['input'].get('network') == 'mastercard'})
assert both == ['70', '76', '78', '79', '80', '81', '82', '89'], both
for code in both:
    variants = [{'network': c['input']['network'], 'message': c['expect']['message'], 'category': c['expect']['card_category']}
                for c in iso_cases if c['input']['code'] == code and c['input'].get('network')]
    variants.sort(key=lambda v: v['network'] != 'visa')  # Visa, then Mastercard
    iso_cases.append({'name': f'doku/card/{code}/no-network-lists-both', 'input': {'code': code, 'provider': 'doku'},
                      'expect': {'known': True, 'network': None, 'outcome': 'failed', 'network_variants': variants}})
write('iso8583_seeds.json', 'Every card response code of the DOKU seed, with its network', iso_cases)
write('provider_strings_seeds.json', 'Every DOKU card error string of the seed', string_cases)

# ---- seed 001: iFortepay transaction statuses -------------------------------------------
status_cases = []
blocks = {'QRIS Transaction Status': 'qris', 'Direct Debit Transaction Status': 'direct_debit'}
OUTCOME = {'Success': 'success', 'Initiated': 'pending', 'Pending': 'pending', 'Canceled': 'failed', 'Failed': 'failed'}
for title, kind in blocks.items():
    block = ifp.split(title, 1)[1].split('\n\n', 2)[1]
    for line in block.split('\n'):
        m = re.match(r'^(0\d)([A-Z][a-z]+(?: [a-z]+)?)(.*)$', line.strip())
        if not m:
            continue
        code, name = m.group(1), m.group(2)
        expect = {'family': 'status', 'known': True, 'canonical': code, 'status_kind': kind, 'category': 'transaction_status'}
        if name in OUTCOME:
            expect['outcome'] = OUTCOME[name]
        status_cases.append({'name': f'ifortepay/{kind}/{code}', 'input': {'code': code, 'family': 'status', 'kind': kind,
                             'provider': 'ifortepay'}, 'expect': expect})
va = ifp.split('Virtual Account Transaction Status', 1)[1].split('\n\n', 2)[1]
VA_OUTCOME = {'PAID': 'success', 'ACTIVE': 'pending', 'PROCESSING': 'pending', 'EXPIRED': 'failed', 'CANCELED': 'failed'}
for line in va.split('\n'):
    m = re.match(r'^([A-Z]+)(Transaction.*)$', line.strip())
    if m:
        code = m.group(1)
        status_cases.append({'name': f'ifortepay/va/{code}', 'input': {'code': code, 'family': 'status', 'kind': 'va', 'provider': 'ifortepay'},
                             'expect': {'family': 'status', 'known': True, 'canonical': code, 'status_kind': 'va', 'outcome': VA_OUTCOME[code]}})
assert len(status_cases) == 7 + 7 + 5, len(status_cases)
write('statuses_seeds.json', 'Every transaction status of the iFortepay seed', status_cases)
