namespace ClusterHub.Analytics.Networks;

/// <summary>What <see cref="ForceAtlas2.Layout"/> does; the defaults are graphology-layout-forceatlas2's
/// <c>inferSettings</c> (strong gravity 0.05, scaling 10, slow-down 1 + ln n, Barnes–Hut θ 0.5).</summary>
public sealed record ForceAtlas2Options
{
    public int Iterations { get; init; } = 100;
    public double ScalingRatio { get; init; } = 10;
    public double Gravity { get; init; } = 0.05;
    public bool StrongGravity { get; init; } = true;
    /// <summary>Exponent of an edge's weight in its attraction (0: weights ignored).</summary>
    public double EdgeWeightInfluence { get; init; } = 1;
    /// <summary>Barnes–Hut: a cell seen at a size/distance below θ repels as one body.</summary>
    public double Theta { get; init; } = 0.5;
    /// <summary>Null: 1 + ln n.</summary>
    public double? SlowDown { get; init; }
    /// <summary>Seed of the starting positions (uniform in a square of side √n × 10).</summary>
    public int Seed { get; init; }
}

/// <summary>
/// ForceAtlas2 (Jacomy, Venturini, Heymann &amp; Bastian 2014, PLoS ONE 9(6) e98679), as graphology-layout-forceatlas2
/// iterates it, with Barnes–Hut repulsion over a quadtree rebuilt each iteration: O(m + n log n) per iteration, so that
/// a 36,000-node, 800,000-edge network is laid out in seconds on the server and drawn from stored positions.
/// Node mass is degree + 1; repulsion k_r m_u m_v / d; linear attraction w^δ · d along each edge; each node moves by
/// its force × 0.1 ln(1 + traction) / (1 + √swinging) / slow-down (graphology's local speed).
/// </summary>
public static class ForceAtlas2
{
    public static (double[] X, double[] Y) Layout(Graph g, ForceAtlas2Options? options = null, IProgress<double>? progress = null)
    {
        options ??= new ForceAtlas2Options();
        var n = g.NodeCount;
        var x = new double[n];
        var y = new double[n];
        var random = new Random(options.Seed);
        var side = Math.Sqrt(n) * 10;
        for (var v = 0; v < n; v++) { x[v] = (random.NextDouble() - 0.5) * side; y[v] = (random.NextDouble() - 0.5) * side; }
        if (n == 0) return (x, y);
        var mass = new double[n];
        for (var v = 0; v < n; v++) mass[v] = g.Degree(v) + 1;
        var (dx, dy, oldDx, oldDy) = (new double[n], new double[n], new double[n], new double[n]);
        var slowDown = options.SlowDown ?? 1 + Math.Log(n);
        var tree = new QuadTree(n);
        for (var iteration = 0; iteration < options.Iterations; iteration++)
        {
            (oldDx, dx) = (dx, oldDx);
            (oldDy, dy) = (dy, oldDy);
            tree.Build(x, y, mass);
            var kr = options.ScalingRatio;
            Parallel.For(0, (n + 255) / 256, block =>
            {
                for (var v = block * 256; v < Math.Min(n, block * 256 + 256); v++)
                {
                    var (fx, fy) = tree.Repulsion(v, x[v], y[v], mass[v], kr, options.Theta);
                    // Gravity towards the centre: strong (independent of distance) or FA2's weak form.
                    var d = Math.Sqrt(x[v] * x[v] + y[v] * y[v]);
                    var gravity = options.StrongGravity ? options.Gravity * mass[v] : d > 0 ? options.Gravity * mass[v] / d : 0;
                    dx[v] = fx - x[v] * gravity;
                    dy[v] = fy - y[v] * gravity;
                }
            });
            // Linear attraction along each edge, once per edge (u < v, or each arc when directed).
            for (var u = 0; u < n; u++)
            {
                var targets = g.Neighbors(u);
                var weights = g.NeighborWeights(u);
                for (var a = 0; a < targets.Length; a++)
                {
                    var v = targets[a];
                    if (!g.IsDirected && v <= u) continue;
                    var w = weights.IsEmpty || options.EdgeWeightInfluence == 0 ? 1 : Math.Pow(weights[a], options.EdgeWeightInfluence);
                    var (ex, ey) = (x[u] - x[v], y[u] - y[v]);
                    dx[u] -= ex * w; dy[u] -= ey * w;
                    dx[v] += ex * w; dy[v] += ey * w;
                }
            }
            for (var v = 0; v < n; v++)
            {
                var swinging = mass[v] * Math.Sqrt((oldDx[v] - dx[v]) * (oldDx[v] - dx[v]) + (oldDy[v] - dy[v]) * (oldDy[v] - dy[v]));
                var traction = Math.Sqrt((oldDx[v] + dx[v]) * (oldDx[v] + dx[v]) + (oldDy[v] + dy[v]) * (oldDy[v] + dy[v])) / 2;
                var speed = 0.1 * Math.Log(1 + traction) / (1 + Math.Sqrt(swinging)) / slowDown;
                x[v] += dx[v] * speed;
                y[v] += dy[v] * speed;
            }
            progress?.Report((iteration + 1.0) / options.Iterations);
        }
        return (x, y);
    }

    /// <summary>
    /// A point quadtree over the nodes, as flat arrays: cell c has its square (minX, minY, size), its mass and centre of
    /// mass, its first child (four in a row) or −1, and its body (a node, −1 empty, −2 several nodes at one point).
    /// </summary>
    private sealed class QuadTree(int n)
    {
        private const int MaxDepth = 40;
        private double[] minX = new double[4 * n + 8], minY = new double[4 * n + 8], size = new double[4 * n + 8];
        private double[] cellMass = new double[4 * n + 8], cx = new double[4 * n + 8], cy = new double[4 * n + 8];
        private int[] child = new int[4 * n + 8], body = new int[4 * n + 8];
        private int cells;

        public void Build(double[] x, double[] y, double[] mass)
        {
            double x0 = double.MaxValue, y0 = double.MaxValue, x1 = double.MinValue, y1 = double.MinValue;
            for (var v = 0; v < x.Length; v++) { x0 = Math.Min(x0, x[v]); y0 = Math.Min(y0, y[v]); x1 = Math.Max(x1, x[v]); y1 = Math.Max(y1, y[v]); }
            cells = 0;
            New(x0, y0, Math.Max(Math.Max(x1 - x0, y1 - y0), 1e-9) * 1.0001);
            for (var v = 0; v < x.Length; v++) Insert(v, x[v], y[v], mass[v], x, y, mass);
        }

        private int New(double x0, double y0, double s)
        {
            if (cells + 4 > child.Length) Grow();
            var c = cells++;
            (minX[c], minY[c], size[c], cellMass[c], cx[c], cy[c], child[c], body[c]) = (x0, y0, s, 0, 0, 0, -1, -1);
            return c;
        }

        private void Grow()
        {
            var length = child.Length * 2;
            Array.Resize(ref minX, length); Array.Resize(ref minY, length); Array.Resize(ref size, length);
            Array.Resize(ref cellMass, length); Array.Resize(ref cx, length); Array.Resize(ref cy, length);
            Array.Resize(ref child, length); Array.Resize(ref body, length);
        }

        private void AddMass(int c, double px, double py, double m)
        {
            var total = cellMass[c] + m;
            cx[c] = (cx[c] * cellMass[c] + px * m) / total;
            cy[c] = (cy[c] * cellMass[c] + py * m) / total;
            cellMass[c] = total;
        }

        private int Quadrant(int c, double px, double py)
        {
            var half = size[c] / 2;
            return child[c] + (px >= minX[c] + half ? 1 : 0) + (py >= minY[c] + half ? 2 : 0);
        }

        private void Insert(int v, double px, double py, double m, double[] x, double[] y, double[] mass)
        {
            var c = 0;
            for (var depth = 0; ; depth++)
            {
                if (child[c] >= 0) { AddMass(c, px, py, m); c = Quadrant(c, px, py); continue; }
                if (body[c] == -1) { body[c] = v; AddMass(c, px, py, m); return; }
                if (depth >= MaxDepth || body[c] == -2) { body[c] = -2; AddMass(c, px, py, m); return; }
                // An occupied leaf: split it and move its body down, then go on inserting v from this cell.
                var existing = body[c];
                var half = size[c] / 2;
                var first = New(minX[c], minY[c], half);
                New(minX[c] + half, minY[c], half);
                New(minX[c], minY[c] + half, half);
                New(minX[c] + half, minY[c] + half, half);
                child[c] = first;
                body[c] = -1;
                var q = Quadrant(c, x[existing], y[existing]);
                body[q] = existing;
                (cellMass[q], cx[q], cy[q]) = (mass[existing], x[existing], y[existing]);
                depth--; // the same cell again, now internal: it adds v's mass and descends
            }
        }

        public (double Fx, double Fy) Repulsion(int v, double px, double py, double m, double kr, double theta)
        {
            double fx = 0, fy = 0;
            Span<int> stack = stackalloc int[4 * MaxDepth + 8];
            var top = 0;
            stack[top++] = 0;
            while (top > 0)
            {
                var c = stack[--top];
                if (cellMass[c] == 0 || body[c] == v) continue;
                var (ex, ey) = (px - cx[c], py - cy[c]);
                var d2 = ex * ex + ey * ey;
                if (child[c] < 0 || size[c] * size[c] < theta * theta * d2)
                {
                    if (d2 <= 0) continue;
                    var mc = body[c] == -2 && d2 < 1e-18 ? cellMass[c] - m : cellMass[c];
                    var f = kr * m * mc / d2;
                    fx += ex * f; fy += ey * f;
                }
                else
                    for (var k = 0; k < 4; k++) stack[top++] = child[c] + k;
            }
            return (fx, fy);
        }
    }
}
