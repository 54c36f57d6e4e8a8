#!/usr/bin/env python3
"""Regenerates Sources/PilotEvalCore/Messages/MessageKey.swift from the message tables.

Add a message by writing its Chinese and English templates in a MessageTable+*.swift file
(key names start with their area: input, xml, schema, submission, review, pairings, rubric,
command, report, history, portal, assignment), then run: python3 Tools/message-keys.py
Each key's raw value is "area.rest" (a stable id); its doc comment quotes the English template.
"""
import glob
import os
import re
import sys

d = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "Sources", "PilotEvalCore", "Messages")
keys=[];en={}
for f in sorted(glob.glob(d+'/MessageTable+*.swift')):
    t=open(f).read()
    parts=t.split('static let en')
    for k in re.findall(r'^\s+\.(\w+):',parts[0],re.M):
        if k not in keys: keys.append(k)
    for m in re.finditer(r'^\s+\.(\w+):\s*\n?\s*"((?:[^"\\]|\\.)*)"',parts[1],re.M):
        en[m.group(1)]=m.group(2).replace('\\"','"')
areas=['diagnostic','input','xml','schema','submission','review','pairings','rubric','command','report','history','portal','assignment']
out=['/// The name of every message PilotEval gives; the raw value is a stable id (e.g. for storage).','///','/// The templates are in ``MessageTable``; each case\'s documentation quotes its English one.','public enum MessageKey: String, Sendable, Hashable, CaseIterable {']
for k in keys:
    a=next(a for a in areas if k.startswith(a))
    rest=k[len(a):]; rest=rest[0].lower()+rest[1:]
    s=en.get(k,'?')
    if len(s)>100: s=s[:97]+'…'
    out.append('  /// "%s"'%s)
    out.append('  case %s = "%s.%s"'%(k,a,rest))
out.append('}')
open(d+'/MessageKey.swift','w').write('\n'.join(out)+'\n')
print(len(keys),len(en))
