"""Summary of a pip-audit JSON report (``make audit``), without hiding what was not audited.

pip-audit says "No known vulnerabilities found" even when it could audit nothing (its
advisory service unreachable): here, every package it skipped is counted and the
audit is reported incomplete (exit status 1), like one that found advisories.

    python -m bot.tools.audit results/pip-audit.json
"""
import json
import sys
from pathlib import Path
from typing import List


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number < 2 else f"{number} " + " ".join(word + "s" for word in noun.split())


def summary(report: dict) -> List[str]:
    dependencies = report["dependencies"]
    skipped = [dep for dep in dependencies if "skip_reason" in dep]
    advisories = [(dep, vuln) for dep in dependencies for vuln in dep.get("vulns", [])]
    lines = [f"{_count(len(dependencies) - len(skipped), 'paquet audité')} sur {len(dependencies)}, "
             f"{len(advisories)} avis de sécurité."]
    lines += [f"  {dep['name']} {dep['version']} : {vuln['id']} (corrigé en {', '.join(vuln['fix_versions']) or '—'})"
              for dep, vuln in advisories]
    if skipped:
        lines.append(f"Audit incomplet : {_count(len(skipped), 'paquet')} non audité{'s' if len(skipped) > 1 else ''}, "
                     f"par exemple « {skipped[0]['skip_reason']} ».")
    return lines


def main(report_path: str) -> int:
    report = json.loads(Path(report_path).read_text(encoding="utf-8"))
    print("\n".join(summary(report)))
    complete = not any("skip_reason" in dep for dep in report["dependencies"])
    clean = not any(dep.get("vulns") for dep in report["dependencies"])
    return 0 if complete and clean else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
