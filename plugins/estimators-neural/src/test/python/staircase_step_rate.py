"""Reference step rate of the Gaussian-staircase training step in PyTorch, for comparison with the DJL trainer.

Setting (Poole et al. 2019; Song and Ermon 2020): d = 20, batch 64, Adam lr 5e-4, InfoNCE, data sampled on the
engine side each step; separable critic g(x).h(y) with two 20-256-256-32 ReLU MLPs, or joint critic, a
40-256-256-1 ReLU MLP on all 64 x 64 concatenated pairs. One thread.

Run: /usr/bin/python3 staircase_step_rate.py [separable|joint] [steps]   (Debian's python3-torch)
Prints the best and median rate over blocks of 100 steps, then one line: critic, steps, wall seconds, steps per second, process CPU seconds, steps per CPU second (the
latter is robust to other load on a shared machine). Set OMP_NUM_THREADS=OPENBLAS_NUM_THREADS=MKL_NUM_THREADS=1
as well: Debian's torch calls OpenBLAS, whose own threads are not limited by torch.set_num_threads.
"""
import math
import sys
import time

import torch
from torch import nn

torch.set_num_threads(1)
torch.manual_seed(0)
DIM, BATCH, HIDDEN, EMBED, LR, MI = 20, 64, 256, 32, 5e-4, 4.0
BLOCK = 100  # steps per timed block: the best block is the figure least disturbed by other load


def mlp(inputs, outputs):
    return nn.Sequential(nn.Linear(inputs, HIDDEN), nn.ReLU(), nn.Linear(HIDDEN, HIDDEN), nn.ReLU(),
                         nn.Linear(HIDDEN, outputs))


class Separable(nn.Module):
    def __init__(self):
        super().__init__()
        self.g, self.h = mlp(DIM, EMBED), mlp(DIM, EMBED)

    def forward(self, x, y):
        return self.g(x) @ self.h(y).t()


class Joint(nn.Module):
    def __init__(self):
        super().__init__()
        self.f = mlp(2 * DIM, 1)

    def forward(self, x, y):
        n = x.shape[0]
        pairs = torch.cat([x.unsqueeze(1).expand(n, n, DIM), y.unsqueeze(0).expand(n, n, DIM)], dim=2)
        return self.f(pairs.reshape(n * n, 2 * DIM)).reshape(n, n)


def infonce(scores):
    return math.log(scores.shape[0]) + torch.diagonal(scores.log_softmax(dim=1)).mean()


def main():
    kind = sys.argv[1] if len(sys.argv) > 1 else "separable"
    steps = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    critic = Separable() if kind == "separable" else Joint()
    optimiser = torch.optim.Adam(critic.parameters(), lr=LR)
    rho = math.sqrt(1 - math.exp(-2 * MI / DIM))

    def step():
        x = torch.randn(BATCH, DIM)
        y = rho * x + math.sqrt(1 - rho * rho) * torch.randn(BATCH, DIM)
        loss = -infonce(critic(x, y))
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
        return loss.item()

    for _ in range(max(20, steps // 10)):
        step()
    start, cpu_start = time.perf_counter(), time.process_time()
    blocks = []
    for _ in range(steps // BLOCK):
        block_start = time.perf_counter()
        for _ in range(BLOCK):
            step()
        blocks.append(BLOCK / (time.perf_counter() - block_start))
    for _ in range(steps % BLOCK):
        step()
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    blocks.sort()
    print(f"pytorch {kind} blocks of {BLOCK} steps: best {blocks[-1]:.1f} steps/s, median {blocks[len(blocks) // 2]:.1f} steps/s")
    print(f"pytorch {torch.__version__} {kind} steps={steps} seconds={seconds:.3f} steps/s={steps / seconds:.1f} "
          f"cpu-seconds={cpu:.3f} steps/cpu-s={steps / cpu:.1f}")


if __name__ == "__main__":
    main()
