#!/usr/bin/env python3
"""Runs onnx.checker.check_model(full_check=True) on each ONNX file given; exits 1 if any fails."""
import sys

try:
    import onnx
except ImportError:  # Debian's python3-onnx installs for /usr/bin/python3 only
    sys.exit(f"check-onnx.py: {sys.executable} has no 'onnx' module; install python3-onnx and run /usr/bin/python3")


def main(paths):
    if not paths:
        print("usage: check-onnx.py MODEL.onnx [MODEL.onnx ...]", file=sys.stderr)
        return 2
    failed = 0
    for path in paths:
        try:
            model = onnx.load(path)
            onnx.checker.check_model(model, full_check=True)
            opsets = ", ".join(f"{o.domain or 'ai.onnx'} {o.version}" for o in model.opset_import)
            print(f"ok    {path} (ir {model.ir_version}, opset {opsets})")
        except Exception as error:  # the checker raises several exception types
            failed += 1
            print(f"FAIL  {path}: {error}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
