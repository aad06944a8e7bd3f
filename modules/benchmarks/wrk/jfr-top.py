#!/usr/bin/env python3
"""Where a JFR recording's CPU samples go: `jfr print --stack-depth 64 --events jdk.ExecutionSample X.jfr | jfr-top.py`.

Prints the share of samples per first frame in our code (nl.samenredzaam.*, "self and the libraries it calls"),
per method of our code anywhere on the stack (inclusive), and which of our methods call into
java.util.regex and java.time.format (two usual suspects)."""
import collections
import re
import sys

text = sys.stdin.read()
samples = text.split("jdk.ExecutionSample")[1:]
first, inclusive, regex, fmt = (collections.Counter() for _ in range(4))
for sample in samples:
    if "stackTrace = [" not in sample:
        continue
    body = sample.split("stackTrace = [", 1)[1].split("\n  ]", 1)[0]
    frames = [re.sub(r"\s+line:.*", "", l.strip()).split("(")[0] for l in body.splitlines()
              if l.strip() and l.strip() != "..."]
    own = [f for f in frames if f.startswith("nl.samenredzaam")]
    if own:
        first[own[0]] += 1
    for f in set(own):
        inclusive[f] += 1
    caller = own[0] if own else next((f for f in frames if not f.startswith("java.")), "?")
    if any("java.util.regex" in f for f in frames[:8]):
        regex[caller] += 1
    if any("java.time.format" in f for f in frames[:12]):
        fmt[caller] += 1
n = max(1, len(samples))
print(f"{len(samples)} samples")
print("-- first frame in our code (self + the libraries it calls)")
for k, v in first.most_common(12):
    print(f"{100 * v / n:5.1f} %  {k}")
print("-- our methods anywhere on the stack (inclusive)")
for k, v in inclusive.most_common(20):
    print(f"{100 * v / n:5.1f} %  {k}")
print("-- java.util.regex called from", [(k, f"{100 * v / n:.1f} %") for k, v in regex.most_common(4)])
print("-- java.time.format called from", [(k, f"{100 * v / n:.1f} %") for k, v in fmt.most_common(4)])
