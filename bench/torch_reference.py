#!/usr/bin/python3
"""PyTorch reference for aelab.bench.ThroughputBenchmark: the same five models, sizes, batches,
optimizers and losses, trained on the same digits; prints one RESULT line per model.

Run with Debian's /usr/bin/python3 and python3-torch:
    OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 bench/torch_reference.py [model] [epochs] [samples]
"""
import os
import statistics
import sys
import time

import numpy as np
import torch
from torch import nn
import torch.nn.functional as F

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def digits(n):
    """The first n MNIST training digits of the project's data (as the Java side), scaled to [0, 1]."""
    path = os.path.join(ROOT, "environment", "data", "mnist", "train-images-idx3-ubyte")
    with open(path, "rb") as f:
        raw = np.frombuffer(f.read(), dtype=np.uint8, offset=16).reshape(-1, 784)
    return torch.from_numpy(raw[:n].astype(np.float32) / 255.0)


def mlp(inputs, hidden, out, dropout, last=None):
    """Two hidden ReLU layers with dropout, as aelab.models.Blocks.mlp."""
    layers = []
    for width in (inputs, hidden):
        layers += [nn.Linear(width, hidden), nn.Dropout(dropout), nn.ReLU()]
    layers.append(nn.Linear(hidden, out))
    if last is not None:
        layers.append(last)
    return nn.Sequential(*layers)


def dense_stack(sizes, hidden_act, last_act):
    layers = []
    for i in range(1, len(sizes)):
        layers.append(nn.Linear(sizes[i - 1], sizes[i]))
        act = last_act if i == len(sizes) - 1 else hidden_act
        if act is not None:
            layers.append(act())
    return nn.Sequential(*layers)


def dense_model():
    enc = dense_stack([784, 512, 256, 32], nn.ReLU, nn.ReLU)
    dec = dense_stack([32, 256, 512, 784], nn.ReLU, nn.Sigmoid)
    net = nn.Sequential(enc, dec)
    opt = torch.optim.Adam(net.parameters(), 1e-3)

    def step(x):
        opt.zero_grad()
        loss = F.binary_cross_entropy(net(x), x)
        loss.backward()
        opt.step()
        return loss.item()
    return step


def vae_model():
    enc = nn.Sequential(nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 4))
    dec = nn.Sequential(nn.Linear(2, 512), nn.ReLU(), nn.Linear(512, 784), nn.Sigmoid())
    opt = torch.optim.Adam(list(enc.parameters()) + list(dec.parameters()), 1e-3)

    def step(x):
        opt.zero_grad()
        h = enc(x)
        mu, logvar = h[:, :2], h[:, 2:]
        z = mu + torch.exp(0.5 * logvar) * torch.randn_like(mu)
        rec = F.binary_cross_entropy(dec(z), x, reduction="sum") / x.shape[0]
        kl = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp()) / x.shape[0]
        loss = rec + kl
        loss.backward()
        opt.step()
        return rec.item(), kl.item(), loss.item()
    return step


class ConvAE(nn.Module):
    def __init__(self):
        super().__init__()
        self.c1 = nn.Conv2d(1, 16, 2, stride=2)
        self.c2 = nn.Conv2d(16, 32, 2, stride=2)
        self.e1 = nn.Linear(1568, 256)
        self.e2 = nn.Linear(256, 32)
        self.d1 = nn.Linear(32, 256)
        self.d2 = nn.Linear(256, 1568)
        self.u1 = nn.ConvTranspose2d(32, 16, 2, stride=2)
        self.u2 = nn.ConvTranspose2d(16, 2, 2, stride=2)  # two channels, the first used, as the Java model

    def forward(self, x):
        h = F.relu(self.c2(F.relu(self.c1(x.view(-1, 1, 28, 28)))))
        z = F.relu(self.e2(F.relu(self.e1(h.reshape(-1, 1568)))))
        h = F.relu(self.d2(F.relu(self.d1(z)))).view(-1, 32, 7, 7)
        return torch.sigmoid(self.u2(F.relu(self.u1(h)))[:, 0].reshape(-1, 784))


def conv_model():
    net = ConvAE()
    opt = torch.optim.Adam(net.parameters(), 1e-3)

    def step(x):
        opt.zero_grad()
        loss = F.mse_loss(net(x), x)
        loss.backward()
        opt.step()
        return loss.item()
    return step


def stacked_model():
    enc = dense_stack([784, 500, 500, 2000, 10], nn.ReLU, None)
    dec = dense_stack([10, 2000, 500, 500, 784], nn.ReLU, None)
    net = nn.Sequential(enc, dec)
    opt = torch.optim.Adam(net.parameters(), 1e-3)

    def step(x):
        opt.zero_grad()
        loss = F.mse_loss(net(x), x)
        loss.backward()
        opt.step()
        return loss.item()
    return step


def aae_model():
    enc = mlp(784, 1000, 2, 0.25)
    dec = mlp(2, 1000, 784, 0.25, nn.Sigmoid())
    disc = mlp(2, 1000, 1, 0.2)
    rec_opt = torch.optim.Adam(list(enc.parameters()) + list(dec.parameters()), 6e-4)
    d_opt = torch.optim.Adam(disc.parameters(), 8e-4)
    g_opt = torch.optim.Adam(enc.parameters(), 8e-4)

    def step(x):
        # 1. reconstruction
        rec_opt.zero_grad()
        rec = F.binary_cross_entropy(dec(enc(x)), x)
        rec.backward()
        rec_opt.step()
        # 2. critic: prior samples real, codes (no dropout) fake
        enc.eval()
        with torch.no_grad():
            fake = enc(x)
        enc.train()
        real = 5 * torch.randn(x.shape[0], 2)
        d_opt.zero_grad()
        d_real, d_fake = disc(real), disc(fake)
        d_loss = (F.binary_cross_entropy_with_logits(d_real, torch.ones_like(d_real))
                  + F.binary_cross_entropy_with_logits(d_fake, torch.zeros_like(d_fake)))
        d_loss.backward()
        d_opt.step()
        accuracy = ((d_real > 0).sum() + (d_fake <= 0).sum()).item() / (2 * x.shape[0])
        # 3. generator: the encoder tries to pass its codes off as prior samples
        g_opt.zero_grad()
        d_out = disc(enc(x))
        g = F.binary_cross_entropy_with_logits(d_out, torch.ones_like(d_out))
        g.backward()
        g_opt.step()
        return rec.item(), d_loss.item(), accuracy, g.item()
    return step


def flops_per_sample():
    def dense(*s):
        return sum(s[i - 1] * s[i] for i in range(1, len(s)))
    conv = (14 * 14 * 16 * 4 + 7 * 7 * 32 * 16 * 4 + dense(1568, 256, 32, 256, 1568)
            + 7 * 7 * 32 * 16 * 4 + 14 * 14 * 16 * 2 * 4)
    enc, dec, disc = dense(784, 1000, 1000, 2), dense(2, 1000, 1000, 784), dense(2, 1000, 1000, 1)
    return {
        "dense": 6 * dense(784, 512, 256, 32, 256, 512, 784),
        "vae": 6 * dense(784, 512, 4) + 6 * dense(2, 512, 784),
        "conv": 6 * conv,
        "stacked": 6 * dense(784, 500, 500, 2000, 10, 2000, 500, 500, 784),
        "aae": 6 * (enc + dec) + 2 * enc + 2 * 6 * disc + 6 * (enc + disc),
    }


MODELS = {"dense": (dense_model, 128), "vae": (vae_model, 128), "conv": (conv_model, 128),
          "stacked": (stacked_model, 256), "aae": (aae_model, 100)}
# PyTorch at its best here: the wide models on every core, the small ones on torch's default (with passive
# waiting, two threads trained the stacked autoencoder 14% faster and the dense one 11% slower)
WIDE = {"stacked", "aae"}
DEFAULT_THREADS = torch.get_num_threads()


def resident_mib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    return -1


def run(name, data, epochs):
    make, batch = MODELS[name]
    torch.set_num_threads(os.cpu_count() if name in WIDE else DEFAULT_THREADS)
    torch.manual_seed(1)
    step = make()
    n = data.shape[0]
    seconds, rss = [], {}
    for epoch in range(1, epochs + 1):
        start = time.perf_counter()
        order = torch.randperm(n)
        for i in range(0, n, batch):
            step(data[order[i:i + batch]])
        seconds.append(time.perf_counter() - start)
        rss[epoch] = resident_mib()
    rate = statistics.median(n / s for s in seconds[1:])
    gflops = rate * flops_per_sample()[name] / 1e9
    print(f"RESULT torch {name} samples_per_s={rate:.0f} gflops={gflops:.1f} "
          f"rss_epoch2_mib={rss[min(2, epochs)]} rss_last_mib={rss[epochs]}", flush=True)


def openblas_core():
    """The kernel OpenBLAS picked for this CPU (torch links libblas.so.3), or why it is unknown."""
    import ctypes
    try:
        lib = ctypes.CDLL("libblas.so.3")
        lib.openblas_get_corename.restype = ctypes.c_char_p
        return lib.openblas_get_corename().decode()
    except (OSError, AttributeError) as e:
        return f"unknown ({e})"


def elementwise(reps=200):
    """StepProfile's element-wise kernels in PyTorch: the same 1.08 million values, one thread."""
    torch.set_num_threads(1)
    sizes = [784, 512, 256, 32, 256, 512, 784]
    params = [nn.Parameter(torch.rand(o, i)) for i, o in zip(sizes, sizes[1:])]
    params += [nn.Parameter(torch.rand(o)) for o in sizes[1:]]
    for p in params:
        p.grad = torch.full_like(p, 1e-3)
    values = sum(p.numel() for p in params)
    adam = torch.optim.Adam(params, lr=1e-3)
    for name, step in (("w -= g in place", lambda: [p.data.sub_(p.grad) for p in params]), ("Adam update", adam.step)):
        for _ in range(10):
            step()
        start = time.perf_counter()
        for _ in range(reps):
            step()
        ns = (time.perf_counter() - start) / reps * 1e9
        print(f"  {name:22s} {ns / 1e6:6.2f} ms per pass over {values} values, {ns / values:.2f} ns per value")


def main():
    if sys.argv[1:2] == ["blas"]:
        print(f"RESULT torch blas core={openblas_core()}")
        return
    if sys.argv[1:2] == ["elementwise"]:
        elementwise()
        return
    which = sys.argv[1] if len(sys.argv) > 1 else "all"
    epochs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    samples = int(sys.argv[3]) if len(sys.argv) > 3 else 6400
    data = digits(samples)
    for name in MODELS:
        if which in ("all", name):
            run(name, data, epochs)


if __name__ == "__main__":
    main()
