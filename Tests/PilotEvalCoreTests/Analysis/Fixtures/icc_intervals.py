"""Reference ICC confidence intervals for PanelIntervalTests.swift.

Run:  python3 icc_intervals.py   (scipy 1.14.1, numpy, pingouin; see icc_intervals.txt for the output)

The McGraw & Wong (1996) intervals are written out here from the paper with scipy.stats.f quantiles,
independently of the Swift code; pingouin.intraclass_corr (which prints them rounded to 2 decimals) is
printed beside them as a cross-check.
"""
import numpy as np
import pandas as pd
import pingouin
import scipy
from scipy.stats import f

def one_way(groups, level=0.95):
    g = len(groups); N = sum(len(x) for x in groups)
    grand = np.mean(np.concatenate(groups))
    ssb = sum(len(x) * (np.mean(x) - grand) ** 2 for x in groups)
    ssw = sum(((np.asarray(x) - np.mean(x)) ** 2).sum() for x in groups)
    msb, msw = ssb / (g - 1), ssw / (N - g)
    k0 = (N - sum(len(x) ** 2 for x in groups) / N) / (g - 1)
    F = msb / msw; q = (1 + level) / 2
    FL = F / f.ppf(q, g - 1, N - g); FU = F * f.ppf(q, N - g, g - 1)
    return dict(icc1=(msb - msw) / (msb + (k0 - 1) * msw), icc1k=(msb - msw) / msb,
                icc1_lo=(FL - 1) / (FL + k0 - 1), icc1_hi=(FU - 1) / (FU + k0 - 1),
                icc1k_lo=1 - 1 / FL, icc1k_hi=1 - 1 / FU, k0=k0)

def two_way(x, level=0.95):
    x = np.asarray(x, float); n, k = x.shape
    grand = x.mean(); rm = x.mean(1); cm = x.mean(0)
    msr = k * ((rm - grand) ** 2).sum() / (n - 1)
    msc = n * ((cm - grand) ** 2).sum() / (k - 1)
    resid = x - rm[:, None] - cm[None, :] + grand
    mse = (resid ** 2).sum() / ((n - 1) * (k - 1))
    icc = (msr - mse) / (msr + (k - 1) * mse + k * (msc - mse) / n)
    icck = (msr - mse) / (msr + (msc - mse) / n)
    a = k * icc / (n * (1 - icc)); b = 1 + k * icc * (n - 1) / (n * (1 - icc))
    v = (a * msc + b * mse) ** 2 / ((a * msc) ** 2 / (k - 1) + (b * mse) ** 2 / ((n - 1) * (k - 1)))
    q = (1 + level) / 2
    fs = f.ppf(q, n - 1, v); fl = f.ppf(q, v, n - 1)
    lo = n * (msr - fs * mse) / (fs * (k * msc + (k * n - k - n) * mse) + n * msr)
    hi = n * (fl * msr - mse) / (k * msc + (k * n - k - n) * mse + n * fl * msr)
    # ICC(A,k) limits straight from McGraw & Wong's table 7 (not via Spearman-Brown).
    lok = n * (msr - fs * mse) / (fs * (msc - mse) + n * msr)
    hik = n * (fl * msr - mse) / (msc - mse + n * fl * msr)
    return dict(icc2=icc, icc2k=icck, icc2_lo=lo, icc2_hi=hi, icc2k_lo=lok, icc2k_hi=hik)

def pingouin_table(x):
    x = np.asarray(x, float); n, k = x.shape
    df = pd.DataFrame([(i, j, x[i, j]) for i in range(n) for j in range(k)], columns=["s", "r", "v"])
    return pingouin.intraclass_corr(df, targets="s", raters="r", ratings="v").to_string()

print("scipy", scipy.__version__, "pingouin", pingouin.__version__)
sf = [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]]
print("shroutFleiss one-way", {k: repr(float(v)) for k, v in one_way([np.array(r, float) for r in sf]).items()})
print("shroutFleiss two-way", {k: repr(float(v)) for k, v in two_way(sf).items()})
print(pingouin_table(sf))
unbalanced = [[2, 4], [6, 8, 10], [5], [7, 9], [3, 3, 4]]
print("unbalanced one-way", {k: repr(float(v)) for k, v in one_way([np.array(r, float) for r in unbalanced]).items()})
panel = [[61, 64], [72, 70], [55, 59], [80, 83], [67, 62], [74, 78], [58, 57], [69, 73]]
print("panel two-way", {k: repr(float(v)) for k, v in two_way(panel).items()})
print("panel one-way", {k: repr(float(v)) for k, v in one_way([np.array(r, float) for r in panel]).items()})
print(pingouin_table(panel))
