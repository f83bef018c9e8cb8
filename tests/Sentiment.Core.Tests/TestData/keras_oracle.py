"""Reference answers from the real Keras Tokenizer (keras_preprocessing), for the oracle tests.

Reads a JSON request on stdin and writes a JSON answer on stdout:
  {"mode": "tokenizer", "texts": [...], "fitCount": n, "numWords": n, "maxLength": n, "oovToken": null,
   "charLevel": false, "charBigrams": false}
    -> {"ranking": [every fitted word by id], "sequences": [ids per text after pad_sequences, padding removed]}
charBigrams is our extension, so Keras gets the token lists themselves: each character of the lower-cased
text, with every pair of adjacent characters between its two characters.
  {"mode": "json", "texts": [...], "fitCount": n, "numWords": n|null, "maxLength": n, "truncating": "pre"|"post",
   "oovToken": null, "charLevel": false, "lower": true}
    -> {"json": tokenizer.to_json(), "sequences": [ids per text after pad_sequences, padding removed]}
  {"mode": "lower", "mapped": {"<code point>": "<our lower-case>"}}   (only code points we change)
    -> {"mismatches": ["U+XXXX python=... ours=..."], "unassignedDifferences": n}
"""
import json
import sys
import unicodedata

from keras_preprocessing.sequence import pad_sequences
from keras_preprocessing.text import Tokenizer


def with_bigrams(text):
    chars = list(text.lower())
    tokens = chars[:1]
    for previous, char in zip(chars, chars[1:]):
        tokens += [previous + char, char]
    return tokens


def tokenizer(request):
    tok = Tokenizer(num_words=request["numWords"], oov_token=request["oovToken"],
                    char_level=request.get("charLevel", False))
    texts = request["texts"]
    if request.get("charBigrams", False):
        texts = [with_bigrams(text) for text in texts]
    tok.fit_on_texts(texts[: request["fitCount"]])
    ranking = [w for w, _ in sorted(tok.word_index.items(), key=lambda item: item[1])]
    sequences = tok.texts_to_sequences(texts)
    padded = pad_sequences(sequences, maxlen=request["maxLength"], padding="post", truncating="pre")
    return {"ranking": ranking, "sequences": [[int(i) for i in row if i != 0] for row in padded]}


def to_json(request):
    tok = Tokenizer(num_words=request["numWords"], oov_token=request["oovToken"], char_level=request["charLevel"],
                    lower=request["lower"])
    tok.fit_on_texts(request["texts"][: request["fitCount"]])
    padded = pad_sequences(tok.texts_to_sequences(request["texts"]), maxlen=request["maxLength"], padding="post",
                           truncating=request["truncating"])
    return {"json": tok.to_json(), "sequences": [[int(i) for i in row if i != 0] for row in padded]}


def lower(request):
    mapped = {int(cp): text for cp, text in request["mapped"].items()}
    mismatches, unassigned = [], 0
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        python, ours = chr(cp).lower(), mapped.get(cp, chr(cp))
        if python == ours:
            continue
        # Code points Python's Unicode database does not know yet are allowed to differ.
        if unicodedata.category(chr(cp)) == "Cn":
            unassigned += 1
        else:
            mismatches.append("U+%04X python=%r ours=%r" % (cp, python, ours))
    return {"mismatches": mismatches, "unassignedDifferences": unassigned, "unicode": unicodedata.unidata_version}


request = json.load(sys.stdin)
json.dump({"tokenizer": tokenizer, "json": to_json, "lower": lower}[request["mode"]](request), sys.stdout)
