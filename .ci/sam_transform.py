#!/usr/bin/env python3
"""Transforms template.yaml (SAM) to plain CloudFormation, offline, with the SAM translator that comes with cfn-lint,
and writes the state machine's definition with its substitutions filled in, for asl-validator.

usage: sam_transform.py TEMPLATE OUT_DIR
writes OUT_DIR/template.cfn.json (lint it with cfn-lint) and OUT_DIR/statemachine.asl.json.

No AWS call is made: local CodeUri paths become placeholder S3 locations (as `sam package` would make them), managed
policy names resolve from cfn-lint's own list, and the definition's ${...} substitutions become example ARNs of the
right shape (an alias ARN where the template passes an alias).
"""
import json
import os
import re
import sys
from pathlib import Path

from cfnlint.data import Serverless
from cfnlint.decode import decode_str
from cfnlint.decode.utils import convert_dict
from cfnlint.helpers import load_resource
from samtranslator.translator.transform import transform

ACCOUNT = "123456789012"
REGION = "us-east-1"


class ManagedPolicies:
    """The translator asks for AWS managed policy ARNs by name; cfn-lint ships the list."""

    def load(self):
        return load_resource(Serverless, "ManagedPolicies.json")


def sam_ready(template):
    """Local CodeUri paths replaced by S3 locations, as `sam package` does before the transform."""
    for resource in template.get("Resources", {}).values():
        props = resource.get("Properties") or {}
        if resource.get("Type") == "AWS::Serverless::Function" and isinstance(props.get("CodeUri"), str):
            key = props["CodeUri"].replace("/", "-")
            props["CodeUri"] = {"Bucket": "bp010-sam-artifacts", "Key": key}
    return template


def example_arn(value):
    """An example of what a DefinitionSubstitutions value resolves to at deploy time."""
    if isinstance(value, dict) and "Ref" in value and value["Ref"].endswith(".Alias"):
        function = value["Ref"][: -len(".Alias")]
        return f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:{function}:live"
    if isinstance(value, dict) and "Fn::GetAtt" in value:
        return f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:{value['Fn::GetAtt'][0]}"
    if isinstance(value, str):
        return value
    return f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:example"


def state_machine_definitions(template):
    found = {}
    for name, resource in template.get("Resources", {}).items():
        if resource.get("Type") != "AWS::Serverless::StateMachine":
            continue
        props = resource.get("Properties") or {}
        text = json.dumps(props["Definition"])
        for key, value in (props.get("DefinitionSubstitutions") or {}).items():
            text = text.replace("${" + key + "}", example_arn(value))
        left = re.findall(r"\$\{[A-Za-z0-9_]+\}", text)
        if left:
            raise SystemExit(f"{name}: substitutions without a value: {sorted(set(left))}")
        found[name] = json.loads(text)
    return found


def main(argv):
    if len(argv) != 3:
        raise SystemExit(__doc__)
    source, out = Path(argv[1]), Path(argv[2])
    out.mkdir(parents=True, exist_ok=True)
    template, matches = decode_str(source.read_text(encoding="utf-8"))
    if matches:
        raise SystemExit("\n".join(str(m) for m in matches))
    template = convert_dict(template)

    definitions = state_machine_definitions(template)
    if len(definitions) != 1:
        raise SystemExit(f"expected one state machine, found {sorted(definitions)}")
    (out / "statemachine.asl.json").write_text(json.dumps(next(iter(definitions.values())), indent=2))

    os.environ.setdefault("AWS_DEFAULT_REGION", REGION)  # the translator needs a region to build ARNs
    transformed = transform(sam_ready(json.loads(json.dumps(template))), {}, ManagedPolicies())
    (out / "template.cfn.json").write_text(json.dumps(transformed, indent=2, sort_keys=True))
    kinds = sorted({r["Type"] for r in transformed["Resources"].values()})
    print(f"{source} -> {out / 'template.cfn.json'}: {len(transformed['Resources'])} resources ({', '.join(kinds)})")


if __name__ == "__main__":
    main(sys.argv)
