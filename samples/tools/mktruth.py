#!/usr/bin/env python3
"""Build truth.json for a capture directory and verify it against the captured text.

Usage (capture.sh calls this):
  mktruth.py --captures DIR --runs RUNDIR --go-version "go version ..." --build "..."

Inputs:
  RUNDIR/*.json   the truth record each run of progs/leaks wrote (-truth): what the
                  program planted and, per captured file, the goroutines the file must
                  list (groups) and the counts derived from them (expect).
  DIR/*           the captured files, *.pprof-raw.txt / *.pprof-top.txt (go tool pprof),
                  trace.stats.json (progs/tracestats).

Expected values come from the program. The one exception is system goroutines (created by
runtime.*), which the program cannot know: they are counted in the file and added to the
program's figures for files that list them (GOTRACEBACK=system/crash, runtime throws,
SIGQUIT). Every check's "got" is what this script parsed from the captured file; the script
exits with status 1 if any check fails, so a capture that does not match the program's
truth is never committed.

Summary semantics (those of tools/truth-check.py): a file's goroutine count includes user
and system goroutines but not the "goroutine 0" headers of M stacks; the five states are
idle/runnable/running/syscall/waiting, where a header showing a wait reason counts as
waiting; " (leaked)" after a reason (goroutineleak profile, Go 1.26) and ", locked to
thread" are flags, not part of the reason; " labels:{...}" (GODEBUG=tracebacklabels=1,
Go 1.26) is not part of the reason either.
"""
import argparse, collections, glob, gzip, json, os, re, sys

FIVE = ["idle", "runnable", "running", "syscall", "waiting"]
HDR = re.compile(r'^goroutine (\d+)(?: gp=(\S+) m=(\S+)(?: mp=(\S+))?)? \[(.*)\]:$')
LABELS = re.compile(r' labels:\{.*\}$')


# ---------------------------------------------------------------- parsing

def read_text(path):
    raw = open(path, 'rb').read()
    if raw[:2] == b'\x1f\x8b':
        raw = gzip.decompress(raw)
    return raw.decode('utf-8', 'replace')


def parse_status(s):
    """'chan receive (leaked), locked to thread labels:{...}' -> (status, flags dict)."""
    flags = {}
    m = LABELS.search(s)
    if m:
        flags['labels'] = m.group(0)[len(' labels:'):]
        s = s[:m.start()]
    parts = s.split(', ')
    status = parts[0]
    # The runtime appends " (leaked)", " (scan)" and " (durable)" to the status
    # in that order; strip them in any order.
    changed = True
    while changed:
        changed = False
        for suffix, key in ((' (scan)', 'scan'), (' (leaked)', 'leaked'), (' (durable)', 'durable')):
            if status.endswith(suffix):
                status = status[:-len(suffix)]
                flags[key] = True
                changed = True
    for p in parts[1:]:
        if p == 'locked to thread':
            flags['locked'] = True
        elif p.endswith(' minutes'):
            flags['minutes'] = int(p.split()[0])
        else:
            flags.setdefault('other', []).append(p)
    return status, flags


def state_of(status):
    if status in ('idle', 'runnable', 'running', 'syscall'):
        return status, None
    if status == 'waiting':
        return 'waiting', None
    return 'waiting', status


def parse_dump(text):
    """Goroutine dump text (runtime.Stack, debug=2, tracebacks) -> dict."""
    gs, preamble, cur, in_anc = [], [], None, False
    seen_header = False
    for line in text.split('\n'):
        m = HDR.match(line)
        if m:
            seen_header = True
            status, flags = parse_status(m.group(5))
            cur = {'id': int(m.group(1)), 'status': status, 'flags': flags, 'gp': m.group(2) is not None,
                   'frames': [], 'created_by': None, 'ancestors': 0, 'elided': 0, 'unavailable': False}
            in_anc = False
            gs.append(cur)
            continue
        if cur is None:
            if not seen_header and line.strip():
                preamble.append(line)
            continue
        if line == '':
            cur = None
            continue
        if line.startswith('\t'):
            if 'stack unavailable' in line:
                cur['unavailable'] = True
            continue
        if line.startswith('[originating from goroutine'):
            cur['ancestors'] += 1
            in_anc = True
            continue
        if in_anc:
            continue
        if line.startswith('created by '):
            cur['created_by'] = line[len('created by '):].split(' in goroutine ')[0]
            continue
        if line.startswith('...') and 'elided' in line:
            cur['elided'] += 1
            continue
        i = line.rfind('(')
        cur['frames'].append(line[:i] if i > 0 else line)
    # goroutine 0 headers are M (g0) stacks, not goroutines. Under
    # GOTRACEBACK=crash each M also prints the goroutine it is running or is
    # in a system call for, so one goroutine can appear twice: keep the first.
    real, ids = [], set()
    for g in gs:
        if g['id'] != 0 and g['id'] not in ids:
            ids.add(g['id'])
            real.append(g)
    dups = sum(1 for g in gs if g['id'] != 0) - len(real)
    for g in real:
        g['system'] = bool(g['created_by'] and g['created_by'].startswith('runtime.'))
    return {'goroutines': real, 'pseudo0': sum(1 for g in gs if g['id'] == 0), 'duplicates': dups,
            'headers': len(gs), 'preamble': preamble[:3]}


def summarize_dump(d, only=None):
    """Counts over goroutines (all, or only system/user)."""
    gs = d['goroutines'] if only is None else [g for g in d['goroutines'] if g['system'] == (only == 'system')]
    states = {s: 0 for s in FIVE}
    reasons, funcs, labels = collections.Counter(), collections.Counter(), collections.Counter()
    by_status, by_created = collections.Counter(), collections.Counter()
    rec = collections.Counter()
    for g in gs:
        st, r = state_of(g['status'])
        states[st] = states.get(st, 0) + 1
        by_status[g['status']] += 1
        by_created[g['created_by'] or '(none)'] += 1
        if r:
            reasons[r] += 1
        fr = collections.Counter(g['frames'])
        for f in fr:
            funcs[f] += 1
        for f, n in fr.items():
            if n > 1 and g['elided'] == 0:
                rec['%s/%d' % (f, n)] += 1
        if 'labels' in g['flags']:
            for k, v in json.loads(g['flags']['labels']).items():
                labels['%s=%s' % (k, v)] += 1
    return {
        'goroutines': len(gs), 'states': states, 'wait_reasons': dict(reasons), 'funcs': dict(funcs),
        'by_status': dict(by_status), 'by_created_by': dict(by_created), 'labels': dict(labels),
        'recursion': dict(rec),
        'locked_to_thread': sum(1 for g in gs if g['flags'].get('locked')),
        'leaked': sum(1 for g in gs if g['flags'].get('leaked')),
        'frames_elided': sum(1 for g in gs if g['elided']),
        'ancestor_blocks': sum(g['ancestors'] for g in gs),
        'stack_unavailable': sum(1 for g in gs if g['unavailable']),
        'gp_headers': sum(1 for g in gs if g['gp']),
        'max_frames': max((len(g['frames']) for g in gs), default=0),
    }


def parse_debug1(text):
    lines = text.split('\n')
    m = re.match(r'^(\S+) profile: total (\d+)$', lines[0])
    if not m:
        raise ValueError('not a debug=1 count profile')
    recs, cur = [], None
    for line in lines[1:]:
        m2 = re.match(r'^(\d+) @( 0x[0-9a-f]+)+$', line)
        if m2:
            cur = {'count': int(line.split()[0]), 'funcs': [], 'labels': {}}
            recs.append(cur)
        elif cur is not None and line.startswith('# labels: '):
            cur['labels'] = json.loads(line[len('# labels: '):])
        elif cur is not None and line.startswith('#\t'):
            parts = [p for p in line[2:].split('\t') if p]
            if len(parts) >= 2:
                cur['funcs'].append(re.sub(r'\+0x[0-9a-f]+$', '', parts[1]))
        elif line == '':
            cur = None
    funcs, labels = collections.Counter(), collections.Counter()
    for r in recs:
        for f in set(r['funcs']):
            funcs[f] += r['count']
        for k, v in r['labels'].items():
            labels['%s=%s' % (k, v)] += r['count']
    return {'name': m.group(1), 'total': int(m.group(2)), 'records': len(recs),
            'sum': sum(r['count'] for r in recs), 'funcs': dict(funcs), 'labels': dict(labels),
            'labeled_records': sum(1 for r in recs if r['labels'])}


def parse_raw(text):
    """go tool pprof -raw output -> sample types, sums, funcs per sample weight."""
    lines = text.split('\n')
    types, sums, samples, locs = [], [], [], {}
    sec, cur_loc = None, None
    for i, l in enumerate(lines):
        if l.startswith('Samples:'):
            sec = 'samples'
            types = [t.replace('[dflt]', '') for t in lines[i + 1].split()]
            sums = [0] * len(types)
            continue
        if l.startswith('Locations'):
            sec = 'locations'
            continue
        if l.startswith('Mappings'):
            sec = None
            continue
        if sec == 'samples':
            m = re.match(r'^\s+(-?\d+(?:\s+-?\d+)*): ([\d ]+)$', l)
            if m:
                vals = [int(x) for x in m.group(1).split()]
                for j, v in enumerate(vals[:len(sums)]):
                    sums[j] += v
                samples.append((vals, [int(x) for x in m.group(2).split()]))
        elif sec == 'locations':
            m = re.match(r'^\s+(\d+): 0x[0-9a-f]+ (?:M=\d+ )?(\S+)', l)
            if m:
                cur_loc = int(m.group(1))
                locs[cur_loc] = [m.group(2)]
                continue
            m = re.match(r'^\s{8,}(\S+) \S+:\d+:\d+', l)
            if m and cur_loc is not None:
                locs[cur_loc].append(m.group(1))
    funcs = collections.Counter()
    for vals, ids in samples:
        fs = set(f for x in ids for f in locs.get(x, []))
        for f in fs:
            funcs[f] += vals[0]
    return {'sample_types': types, 'totals': dict(zip(types, sums)), 'samples': len(samples), 'funcs': dict(funcs)}


def parse_top(text):
    out = {}
    for l in text.split('\n'):
        if l.startswith('Showing nodes accounting for'):
            out['showing_line'] = l
            m = re.search(r'of (\S+) total', l)
            if m:
                out['total'] = m.group(1)
        elif l.startswith('Type:'):
            out['type'] = l.split(':', 1)[1].strip()
    return out


def parse_sched(text):
    lines = text.split('\n')
    sched = [l for l in lines if l.startswith('SCHED ')]
    snaps, cur = [], None
    for l in lines:
        if l.startswith('SCHED '):
            cur = {'line': l, 'G': [], 'P': 0, 'M': 0}
            snaps.append(cur)
        elif cur is not None:
            m = re.match(r'^  G(\d+): status=(\d+)\((.*)\) m=(\S+) lockedm=(\S+)', l)
            if m:
                cur['G'].append((int(m.group(1)), int(m.group(2)), m.group(3), m.group(5)))
            elif re.match(r'^  P\d+: ', l):
                cur['P'] += 1
            elif re.match(r'^  M\d+: ', l):
                cur['M'] += 1
    detail = any(s['G'] for s in snaps)
    out = {'lines': len([l for l in lines if l]), 'sched_lines': len(sched), 'scheddetail': detail,
           'first_sched_line': sched[0] if sched else None, 'last_sched_line': sched[-1] if sched else None}
    if detail:
        last = snaps[-1]
        by = collections.Counter('status=%d(%s)' % (s, r) if s == 4 else 'status=%d' % s for _, s, r, _ in last['G'])
        out.update({'g_lines_in_last_snapshot': len(last['G']), 'p_lines_in_last_snapshot': last['P'],
                    'm_lines_in_last_snapshot': last['M'], 'g_by_status_in_last_snapshot': dict(by),
                    'live_g_lines_in_last_snapshot': sum(1 for _, s, _, _ in last['G'] if s not in (6,))})
    return out


# ---------------------------------------------------------------- expectations

def span(s):
    s = str(s)
    m = re.match(r'^(\d+)\.\.(\d+)$', s)
    if m:
        return int(m.group(1)), int(m.group(2))
    return int(s), int(s)


def fmt_span(lo, hi):
    return str(lo) if lo == hi else '%d..%d' % (lo, hi)


def add(s, n):
    lo, hi = span(s)
    return fmt_span(lo + n, hi + n)


def holds(expected, got):
    if got is None:
        return False
    e = str(expected)
    m = re.match(r'^(\d+)\.\.(\d+)$', e)
    if m:
        return int(m.group(1)) <= got <= int(m.group(2))
    m = re.match(r'^(>=?)\s*(\d+)$', e)
    if m:
        return got >= int(m.group(2)) if m.group(1) == '>=' else got > int(m.group(2))
    return str(got) == e


class Truth:
    def __init__(self):
        self.checks, self.files = [], {}

    def check(self, file, name, expected, got):
        self.checks.append({'file': file, 'check': name, 'expected': str(expected), 'got': str(got),
                            'ok': holds(expected, got)})


def dump_checks(T, name, path, cap, run):
    d = parse_dump(read_text(path))
    allv, sysv, userv = summarize_dump(d), summarize_dump(d, 'system'), summarize_dump(d, 'user')
    e = cap['expect']
    S = sysv['goroutines']
    T.files[name] = {
        'format': 'runtime traceback', 'run': run['tag'], 'context': cap['context'],
        'bytes': os.path.getsize(path), 'goroutine_headers': d['headers'],
        'user_goroutines': e['total'], 'system_goroutines': S, 'pseudo_goroutine0_headers': d['pseudo0'],
        'user_goroutines_in_file': userv['goroutines'], 'repeated_goroutine_headers': d['duplicates'],
        'by_state': allv['states'], 'by_wait_reason': allv['wait_reasons'], 'by_status': allv['by_status'],
        'system_by_status': sysv['by_status'], 'by_created_by': allv['by_created_by'],
        'locked_to_thread': allv['locked_to_thread'], 'leaked_markers': allv['leaked'],
        'frames_elided': allv['frames_elided'], 'ancestor_blocks': allv['ancestor_blocks'],
        'stack_unavailable': allv['stack_unavailable'], 'gp_headers': allv['gp_headers'],
        'labels_in_headers': allv['labels'], 'max_frames': allv['max_frames'], 'preamble': d['preamble'],
        'expected_from': 'run %s (%s)' % (run['tag'], cap['context']),
    }
    T.check(name, 'total', e['total'] + S, allv['goroutines'])
    T.check(name, 'user goroutines (headers not created by runtime.*)', e['total'], userv['goroutines'])
    for st in FIVE:
        T.check(name, 'state "%s"' % st, add(e['states'].get(st, 0), sysv['states'][st]), allv['states'][st])
    for r, v in sorted(e['wait_reasons'].items()):
        T.check(name, 'state "%s"' % r, add(v, sysv['wait_reasons'].get(r, 0)), allv['wait_reasons'].get(r, 0))
    for f, v in sorted(e['funcs'].items()):
        T.check(name, 'goroutines with func %s' % f, v, allv['funcs'].get(f, 0))
    T.check(name, 'goroutines locked to thread', e['locked_to_thread'], allv['locked_to_thread'])
    for k, v in sorted(e.get('recursion', {}).items()):
        f, n = k.rsplit('/', 1)
        T.check(name, 'recursion %s depth %s' % (f, n), v, allv['recursion'].get(k, 0))
    T.check(name, 'goroutines with "...N frames elided..."', e['elided_stacks'], allv['frames_elided'])
    env = run['env']
    if 'tracebackancestors=' in env.get('GODEBUG', ''):
        T.check(name, 'ancestor blocks ([originating from goroutine N])', e['ancestor_blocks'], allv['ancestor_blocks'])
    if 'tracebacklabels=1' in env.get('GODEBUG', ''):
        for k, v in sorted(e['labels'].items()):
            T.check(name, 'goroutines with label %s (header labels:{...})' % k, v, allv['labels'].get(k, 0))
    if 'goroutineleak' in name:
        T.check(name, 'goroutines marked (leaked)', e['leaked'], allv['leaked'])
    return allv


def debug1_checks(T, name, path, cap, run):
    p = parse_debug1(read_text(path))
    e = cap['expect']
    T.files[name] = {'format': '%s profile debug=1' % p['name'], 'run': run['tag'], 'context': cap['context'],
                     'bytes': os.path.getsize(path), 'total_line': p['total'], 'groups': p['records'],
                     'sum_of_group_counts': p['sum'], 'labeled_groups': p['labeled_records'],
                     'goroutines_by_label': p['labels'], 'expected_total': e['total']}
    T.check(name, 'total', e['total'], p['total'])
    T.check(name, 'sum of group counts equals total line', p['total'], p['sum'])
    for f, v in sorted(e['funcs'].items()):
        T.check(name, 'goroutines with func %s' % f, v, p['funcs'].get(f, 0))
    for k, v in sorted(e['labels'].items()):
        T.check(name, 'goroutines with label %s' % k, v, p['labels'].get(k, 0))


def pprof_files(T, name, path, caps_dir):
    stem = name[:-len('.pb.gz')]
    raw_p, top_p = os.path.join(caps_dir, stem + '.pprof-raw.txt'), os.path.join(caps_dir, stem + '.pprof-top.txt')
    raw = parse_raw(open(raw_p).read())
    top = parse_top(open(top_p).read())
    T.files[name] = {'format': 'pprof protobuf (gzip)', 'bytes': os.path.getsize(path),
                     'pprof_raw': {'file': os.path.basename(raw_p), 'sample_types': raw['sample_types'],
                                   'totals': raw['totals'], 'samples': raw['samples']},
                     'pprof_top': dict(top, file=os.path.basename(top_p))}
    T.check(name, 'non-empty', '> 0', os.path.getsize(path))
    return raw


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--captures', required=True)
    ap.add_argument('--runs', required=True)
    ap.add_argument('--go-version', required=True)
    ap.add_argument('--build', required=True)
    ap.add_argument('--gzip-copy', action='append', default=[], help='SRC=DST: DST is a gzip copy of SRC')
    a = ap.parse_args()
    T = Truth()
    caps = a.captures
    runs = {}
    for p in sorted(glob.glob(os.path.join(a.runs, '*.json'))):
        r = json.load(open(p))
        runs[r['tag']] = r
    gz = dict(x.split('=', 1) for x in a.gzip_copy)

    for tag, r in sorted(runs.items()):
        for c in r['self_checks']:
            T.checks.append({'file': 'run ' + tag, 'check': c['check'], 'expected': str(c['expected']),
                             'got': str(c['got']), 'ok': c['ok']})
        for cap in r['captures']:
            name = cap['file']
            path = os.path.join(caps, name)
            if not name or not os.path.exists(path):
                T.check(name or '(unnamed)', 'file exists (run %s)' % tag, 'yes', 'no')
                continue
            if name.endswith('.pb.gz'):
                raw = pprof_files(T, name, path, caps)
                T.files[name].update({'run': tag, 'context': cap['context'], 'endpoint': cap.get('endpoint'),
                                      'num_goroutine_at_request': cap['num_goroutine_before']})
                if cap.get('expect'):
                    e = cap['expect']
                    typ = raw['sample_types'][0]
                    rawname = name + ' (pprof -raw)'
                    T.check(rawname, 'pprof -raw %s sum' % typ, e['total'], raw['totals'].get(typ))
                    for f, v in sorted(e['proto_funcs'].items()):
                        T.check(rawname, 'goroutines with func %s' % f, v, raw['funcs'].get(f, 0))
                else:
                    T.check(name + ' (pprof -raw)', 'pprof -raw has samples', '> 0', raw['samples'])
            elif name == 'trace.out':
                st = json.load(open(os.path.join(caps, 'trace.stats.json')))
                T.files[name] = {'format': 'Go execution trace', 'bytes': os.path.getsize(path),
                                 'header': open(path, 'rb').read(16).rstrip(b'\0').decode(),
                                 'stats_file': 'trace.stats.json', 'run': tag, 'context': cap['context'],
                                 'num_goroutine_at_request': cap['num_goroutine_before'],
                                 'events': st['events'], 'goroutines': st['goroutines'],
                                 'duration_ns': st['duration_ns'], 'gc_cycles': st['gc_cycles']}
                T.check(name, 'non-empty', '> 0', os.path.getsize(path))
                T.check(name, 'goroutines in trace (tracestats) >= NumGoroutine at request',
                        '>= %d' % cap['num_goroutine_before'], st['goroutines'])
            elif name.startswith('schedtrace'):
                s = parse_sched(read_text(path))
                s.update({'format': 'GODEBUG=schedtrace', 'bytes': os.path.getsize(path), 'run': tag,
                          'godebug': r['env'].get('GODEBUG')})
                T.files[name] = s
                m = re.search(r'schedtrace=(\d+)', r['env'].get('GODEBUG', ''))
                ms = int(m.group(1)) if m else 1000
                # The runtime prints a line every X ms only roughly (sysmon
                # wakes late under load), so expect at least half of them
                # over settle + the 1 s idle run.
                T.check(name, 'SCHED lines', '>= %d' % max(1, (r['settle_ms'] + 1000) // ms // 2), s['sched_lines'])
                if s['scheddetail']:
                    e = cap['expect']
                    T.check(name, 'G lines not dead (status != 6) in last snapshot', '>= %d' % e['total'],
                            s['live_g_lines_in_last_snapshot'])
                    for rsn, v in sorted(e['wait_reasons'].items()):
                        T.check(name, 'G lines with status=4(%s) in last snapshot' % rsn, v,
                                s['g_by_status_in_last_snapshot'].get('status=4(%s)' % rsn, 0))
            elif 'debug1' in name:
                debug1_checks(T, name, path, cap, r)
            else:
                dump_checks(T, name, path, cap, r)
                for src, dst in gz.items():
                    if src == name:
                        dump_checks(T, dst, os.path.join(caps, dst), cap, r)
                        T.files[dst]['format'] = 'runtime traceback, gzip-compressed copy of ' + src

    sizes = {os.path.basename(p): os.path.getsize(p) for p in sorted(glob.glob(os.path.join(caps, '*')))
             if os.path.basename(p) != 'truth.json'}
    serve = runs.get('serve') or next(iter(runs.values()))
    failed = [c for c in T.checks if not c['ok']]
    out = {
        'format': 'goroscope samples truth v1',
        'scenario': 'leaks',
        'description': 'progs/leaks: one known population per classic goroutine leak pattern (different '
                       'counts per pattern), a few busy goroutines, captured with Go\'s own tools; see README.md',
        'go_version': a.go_version,
        'build': a.build,
        'path_style': 'trimpath',
        'program': {
            'planted_total': serve['planted_total'], 'busy_total': serve['busy_total'],
            'planted': [{k: g.get(k) for k in ('name', 'count', 'func', 'states', 'created_by', 'leak_expected')
                         if g.get(k) is not None} for g in serve['planted']],
        },
        'runs': {tag: {k: v for k, v in r.items() if k not in ('planted', 'captures')} |
                 {'captures': [{k: v for k, v in c.items() if k != 'groups'} |
                               {'groups': [g['name'] for g in c.get('groups') or []]}
                               for c in r['captures']]}
                 for tag, r in sorted(runs.items())},
        'files': T.files,
        'file_sizes': sizes,
        'checks': T.checks,
        'check_totals': {'passed': len(T.checks) - len(failed), 'failed': len(failed)},
        'failures': failed or None,
    }
    with open(os.path.join(caps, 'truth.json'), 'w') as f:
        json.dump(out, f, indent=1, sort_keys=False)
        f.write('\n')
    for c in failed:
        print('FAIL %s: %s expected %s got %s' % (c['file'], c['check'], c['expected'], c['got']), file=sys.stderr)
    print('truth.json: %d checks, %d failed' % (len(T.checks), len(failed)), file=sys.stderr)
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
