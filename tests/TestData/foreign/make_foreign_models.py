"""Writes the foreign models the import tests serve: tiny PyTorch Embedding -> LSTM -> Linear
classifiers exported with torch.onnx.export, the Keras tokenizers they read text with
(keras_preprocessing's Tokenizer.to_json()), and their answers computed by PyTorch.

    /usr/bin/python3 make_foreign_models.py   (python3-torch, python3-onnx, python3-keras-preprocessing)

Each model is trained for a few steps so its answers differ from text to text. Outputs, per model NAME:
NAME.onnx, NAME.tokenizer.json, NAME.expected.json ({"texts": [...], "probabilities": [[...], ...]}).
"""
import json
import os

import torch
from keras_preprocessing.sequence import pad_sequences
from keras_preprocessing.text import Tokenizer

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_LEN = 100

TRAIN = [
    ("a wonderful film, I loved every minute", 1), ("great acting and a moving story", 1),
    ("brilliant, funny and warm", 1), ("the best movie this year", 1), ("I enjoyed it a lot", 1),
    ("boring, far too long", 0), ("a terrible waste of time", 0), ("the plot makes no sense", 0),
    ("bad acting and a dull script", 0), ("I hated the ending", 0),
]
# Unseen words, empty text, punctuation only, and one longer than MAX_LEN words (so truncation matters).
TEXTS = [t for t, _ in TRAIN] + [
    "", "!!!", "wonderful", "terrible", "not boring at all, a great film",
    "completely unknown words here", " ".join(["acting"] * 70 + ["the"] * 60),
    " ".join(["the"] * 60 + ["acting"] * 70),
]
ZH_TRAIN = [
    ("这部电影太好看了", 1), ("服务很好，下次再来", 1), ("质量不错，值得推荐", 1),
    ("太无聊了，浪费时间", 0), ("态度很差，再也不来了", 0), ("质量太差了", 0),
]
ZH_TEXTS = [t for t, _ in ZH_TRAIN] + ["", "好", "差", "很好很好", "𠮷野家不错😀", "好" * 80 + "差" * 40]


class Classifier(torch.nn.Module):
    """The tutorial model: the LSTM reads every step, padding included, and the last step decides."""

    def __init__(self, rows, outputs, head):
        super().__init__()
        self.embedding = torch.nn.Embedding(rows, 8, padding_idx=0)
        self.lstm = torch.nn.LSTM(8, 8, batch_first=True)
        self.dense = torch.nn.Linear(8, outputs)
        self.head = head

    def forward(self, input_ids):
        states, _ = self.lstm(self.embedding(input_ids.long()))
        scores = self.dense(states[:, -1, :])
        if self.head == "softmax":
            return torch.softmax(scores, dim=1)
        if self.head == "sigmoid":
            return torch.sigmoid(scores)
        return scores


def served(scores, head):
    """What the service must answer: probabilities per label."""
    if head == "softmax":
        return scores
    if head == "sigmoid":
        return torch.cat([1 - scores, scores], dim=1)
    return torch.softmax(scores, dim=1)


def make(name, train, texts, tokenizer, head, padding, truncating, ids_dtype, fixed_length, max_len=MAX_LEN):
    torch.manual_seed(7)
    tokenizer.fit_on_texts([t for t, _ in train])
    rows = len(tokenizer.word_index) + 1

    def encode(batch):
        sequences = tokenizer.texts_to_sequences(batch)
        return torch.tensor(pad_sequences(sequences, maxlen=max_len, padding=padding, truncating=truncating), dtype=ids_dtype)

    model = Classifier(rows, 1 if head == "sigmoid" else 2, head)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.02)
    ids, labels = encode([t for t, _ in train]), torch.tensor([y for _, y in train])
    for _ in range(12):
        optimizer.zero_grad()
        scores = model.dense(model.lstm(model.embedding(ids.long()))[0][:, -1, :])
        if head == "sigmoid":
            loss = torch.nn.functional.binary_cross_entropy_with_logits(scores[:, 0], labels.float())
        else:
            loss = torch.nn.functional.cross_entropy(scores, labels)
        loss.backward()
        optimizer.step()
    model.eval()

    axes = {"input_ids": {0: "batch"} if fixed_length else {0: "batch", 1: "seq"}, "output": {0: "batch"}}
    output = {"softmax": "probabilities", "sigmoid": "probability", "logits": "logits"}[head]
    axes[output] = axes.pop("output")
    torch.onnx.export(model, (encode(texts[:2]),), os.path.join(HERE, name + ".onnx"), input_names=["input_ids"],
                      output_names=[output], dynamic_axes=axes, opset_version=14)
    with torch.no_grad():
        probabilities = served(model(encode(texts)), head)
    with open(os.path.join(HERE, name + ".tokenizer.json"), "w", encoding="utf-8") as f:
        f.write(tokenizer.to_json())
    with open(os.path.join(HERE, name + ".expected.json"), "w", encoding="utf-8") as f:
        json.dump({"texts": texts, "probabilities": probabilities.tolist()}, f, ensure_ascii=False, indent=1)


# The tutorial layout: int64 [batch, 100], pre-padded and pre-truncated as Keras does, softmax output.
make("keras-layout", TRAIN, TEXTS, Tokenizer(num_words=30, oov_token="<OOV>"), "softmax", "pre", "pre", torch.int64, True)
# Post-padded, post-truncated int32 ids (8 of them, any length in the graph), logits out.
make("post-logits", TRAIN, TEXTS, Tokenizer(), "logits", "post", "post", torch.int32, False, max_len=8)
# Characters of Chinese reviews, one sigmoid unit for two labels.
make("chars-sigmoid", ZH_TRAIN, ZH_TEXTS, Tokenizer(char_level=True), "sigmoid", "pre", "pre", torch.int64, True, max_len=60)
