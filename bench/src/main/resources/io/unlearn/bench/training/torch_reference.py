"""PyTorch reference for `unlearn bench training`: the same models, data and loop as the Java side.

Trains the MLP (784-256-10) or the CNN (conv16-pool-conv32-pool-fc128-fc10) with Adam on Fashion-MNIST held in
memory as one tensor, batches gathered by index from a seeded permutation, and times inference with gradients off.
Prints one JSON object: per-epoch training and inference samples/s. Arguments are checked before torch is imported,
so a bad call fails fast (exit 2) on a machine without torch.
"""
import argparse
import gzip
import json
import os
import struct
import sys
import time


def parse(argv):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--model", required=True, choices=["mlp", "cnn"])
    p.add_argument("--epochs", type=int, default=4, help="epochs, the first one a warm-up")
    p.add_argument("--samples", type=int, default=60000, help="training samples (the first N)")
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--infer-batch", type=int, default=1000)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    a = p.parse_args(argv)
    problems = [f"--{k} must be at least 1, was {getattr(a, k.replace('-', '_'))}"
                for k in ("epochs", "samples", "batch", "infer-batch", "threads")
                if getattr(a, k.replace('-', '_')) < 1]
    if not a.lr > 0:
        problems.append(f"--lr must be positive, was {a.lr}")
    if not os.path.isdir(a.data):
        problems.append(f"--data {a.data} is not a directory (apt-get install -y dataset-fashion-mnist)")
    if problems:
        p.error("; ".join(problems))
    return a


def idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return shape, data[4 + 4 * dims:]


def main(argv):
    a = parse(argv)
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    import torch
    from torch import nn
    torch.set_num_threads(a.threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(a.seed)
    shape, pixels = idx(os.path.join(a.data, "train-images-idx3-ubyte.gz"))
    _, labels = idx(os.path.join(a.data, "train-labels-idx1-ubyte.gz"))
    n = min(a.samples, shape[0])
    x = torch.frombuffer(bytearray(pixels), dtype=torch.uint8)[: n * 784].view(n, 1, 28, 28).float().div_(255)
    y = torch.frombuffer(bytearray(labels), dtype=torch.uint8)[:n].long()
    if a.model == "mlp":
        model = nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10))
    else:
        model = nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                              nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                              nn.Linear(32 * 7 * 7, 128), nn.ReLU(), nn.Linear(128, 10))
    opt = torch.optim.Adam(model.parameters(), lr=a.lr)
    loss_fn = nn.CrossEntropyLoss()
    gen = torch.Generator().manual_seed(a.seed)
    train, infer, losses = [], [], []
    for _ in range(a.epochs):
        model.train()
        t0 = time.perf_counter()
        total = torch.zeros(())
        perm = torch.randperm(n, generator=gen)
        for i in range(0, n, a.batch):
            idx_b = perm[i:i + a.batch]
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(x[idx_b]), y[idx_b])
            loss.backward()
            opt.step()
            total += loss.detach()
        train.append(n / (time.perf_counter() - t0))
        losses.append(total.item() / ((n + a.batch - 1) // a.batch))
        model.eval()
        t0 = time.perf_counter()
        with torch.no_grad():
            for i in range(0, n, a.infer_batch):
                model(x[i:i + a.infer_batch]).argmax(1)
        infer.append(n / (time.perf_counter() - t0))
    json.dump({"model": a.model, "engine": "torch", "version": torch.__version__, "samples": n,
               "train_samples_per_second": train, "infer_samples_per_second": infer, "losses": losses},
              sys.stdout)
    print()


if __name__ == "__main__":
    main(sys.argv[1:])
