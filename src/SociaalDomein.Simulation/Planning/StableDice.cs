namespace SociaalDomein.Simulation.Planning;

/// <summary>
/// A small deterministic random source derived from a key (seed, stream, a, b) rather than from a shared sequence
/// (SplitMix64). Each allocation-month and contract-month gets its own dice, so the plan can compute exact totals
/// before any message exists and the message stream reproduces them, in whatever order either runs.
/// </summary>
internal struct StableDice
{
    private ulong _state;

    public StableDice(int seed, DiceStream stream, int a, int b)
    {
        var state = Mix((ulong)(uint)seed + 0x9E3779B97F4A7C15UL);
        state = Mix(state ^ ((ulong)stream * 0xD1B54A32D192ED03UL));
        state = Mix(state ^ ((ulong)(uint)a * 0xAEF17502108EF2D9UL));
        _state = Mix(state ^ ((ulong)(uint)b * 0x8CB92BA72F3D8DD7UL));
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return (Mix(_state) >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>Uniform whole number in [min, maxExclusive).</summary>
    public int Next(int min, int maxExclusive) => min + (int)(NextDouble() * (maxExclusive - min));

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>Separates the dice used for different decisions, so that one never shifts another.</summary>
internal enum DiceStream
{
    Delivery = 1,
    Declaration = 2,
    Toewijzing = 3,
    Request = 4,
    FollowUp = 5,
    Start = 6,
    Stop = 7,
    DeclarationAnswer = 8,
    Retour = 9,
}
