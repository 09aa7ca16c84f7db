#!/bin/bash
# consistency-weight pilots on validation digits (after the seed-2 run frees its core)
cd /work/runner5
while kill -0 28525 2>/dev/null; do sleep 20; done
for W in 1 3 0.3; do
  OMP_NUM_THREADS=1 java -Dai.djl.offline=true -Djava.awt.headless=true -cp "target/classes:target/lib/*" checks/SemiPilot.java consistent=$W 10 55000 5000 schedule=40 > /work/main/runs/consistency-pilots/weight-$W.log 2>&1 < /dev/null
done
