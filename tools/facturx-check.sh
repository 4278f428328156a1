#!/usr/bin/env bash
# Checks Factur-X invoices against the official EN 16931 artefacts, which this repository does not vendor (ADR 0022):
#   tools/facturx-check.sh <checkout of ConnectingEurope/eInvoicing-EN16931> <invoice.pdf | factur-x.xml>...
# For a PDF, the embedded factur-x.xml is taken out with pdfdetach (poppler-utils). Each XML is then validated against the
# CII D16B XSD (coupled code lists, with .NET's XmlSchemaSet) and run through the EN 16931 CII Schematron's XSLT with
# SaxonJS (the xslt3 package, through npx); failed assertions are listed by rule. Exit status 1 when anything fails.
# Not a PDF/A check: run veraPDF for that.
set -euo pipefail
if [[ $# -lt 2 ]]; then
  echo "usage: $0 <eInvoicing-EN16931 checkout> <invoice.pdf|factur-x.xml>..." >&2
  exit 2
fi
root=$(cd "$1" && pwd); shift
here=$(cd "$(dirname "$0")" && pwd)
xsd="$root/cii/schema/D16B SCRDM (Subset)/coupled clm/CII/uncefact/data/standard/CrossIndustryInvoice_100pD16B.xsd"
xslt="$root/cii/xslt/EN16931-CII-validation.xslt"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

xmls=()
for input in "$@"; do
  name=$(basename "$input")
  if [[ "$input" == *.pdf ]]; then
    pdfdetach -list "$input" | grep -q ' factur-x.xml$' || { echo "$input: no factur-x.xml embedded"; exit 1; }
    pdfdetach -savefile factur-x.xml -o "$work/${name%.pdf}.xml" "$input"
    xmls+=("$work/${name%.pdf}.xml")
  else
    xmls+=("$input")
  fi
done

status=0
dotnet run "$here/facturx-check/XsdCheck.cs" -- "$xsd" "${xmls[@]}" || status=1
for xml in "${xmls[@]}"; do
  report="$work/$(basename "$xml").svrl"
  npx --yes xslt3 -xsl:"$xslt" -s:"$xml" -o:"$report"
  failed=$(grep -o '<svrl:failed-assert[^>]*id="[^"]*"' "$report" | sed 's/.*id="//; s/"$//' | sort | uniq -c | tr '\n' ' ' || true)
  if [[ -z "$failed" ]]; then
    echo "$xml: Schematron EN 16931 CII: no failed assertion"
  else
    echo "$xml: Schematron EN 16931 CII: failed $failed"
    status=1
  fi
done
exit $status
