using LeadPS.Pacing;

namespace LeadPS.Core.Tests.Pacing;

public class PacingStoreTests
{
    [Fact]
    public void The_state_round_trips_through_its_text()
    {
        var state = new PacingState { PausedUntil = 123, ThrottledAt = -5, Streak = 3, Fraction = 0.49, FractionSetAt = 77 };
        state.Admit(30);
        state.Admit(10);
        state.Admit(20);

        var read = PacingState.Read(state.Write());

        Assert.Equal(new long[] { 10, 20, 30 }, read.Admitted);
        Assert.Equal((123L, -5L, 3, 0.49, 77L), (read.PausedUntil, read.ThrottledAt, read.Streak, read.Fraction, read.FractionSetAt));
    }

    [Theory]
    [InlineData("")]
    [InlineData("something else\nadmitted 5\n")]
    [InlineData("LeadPS pacing v1\nadmitted five\n")]
    [InlineData("LeadPS pacing v1\nfraction 7 1\n")]
    public void Anything_unreadable_reads_as_a_fresh_state(string text)
    {
        var read = PacingState.Read(text);
        Assert.Empty(read.Admitted);
        Assert.Equal(1.0, read.Fraction);
        Assert.Equal(0, read.PausedUntil);
    }

    [Fact]
    public void Times_left_by_a_clock_that_no_longer_runs_are_forgotten()
    {
        // A file written before a restart holds times far ahead of the new monotonic clock.
        var state = new PacingState { PausedUntil = 1_000_000, ThrottledAt = 999_000, Fraction = 0.1, FractionSetAt = 999_000 };
        state.Admit(5);
        state.Admit(990_000);

        state.Forget(now: 50, window: 60, horizon: 240);

        Assert.Equal(new long[] { 5 }, state.Admitted);
        Assert.Equal(0, state.PausedUntil);
        Assert.Equal(1.0, state.Fraction);
    }

    [Fact]
    public void The_file_store_keeps_state_between_instances_and_names_files_by_a_hash()
    {
        var folder = Path.Combine(Path.GetTempPath(), "leadps-pacing-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            new FilePacingStore(folder).Update("Copper|https://x/|a@b.test", s => { s.Admit(42); return 0; }, CancellationToken.None);
            var seen = new FilePacingStore(folder).Update("Copper|https://x/|a@b.test", s => s.Admitted.ToList(), CancellationToken.None);
            var other = new FilePacingStore(folder).Update("Copper|https://x/|c@d.test", s => s.Admitted.Count, CancellationToken.None);

            Assert.Equal(new long[] { 42 }, seen);
            Assert.Equal(0, other);
            Assert.All(Directory.GetFiles(folder), f => Assert.Matches("^[0-9a-f]{32}\\.pacing$", Path.GetFileName(f)));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void The_file_store_serializes_concurrent_updates()
    {
        var folder = Path.Combine(Path.GetTempPath(), "leadps-pacing-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            var stores = new[] { new FilePacingStore(folder), new FilePacingStore(folder) };
            Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
                stores[i % 2].Update("acct", s => { s.Streak = Math.Min(s.Streak + 1, 1000); s.Admit(i); return 0; }, CancellationToken.None));

            var final = stores[0].Update("acct", s => s.Admitted.Count, CancellationToken.None);
            Assert.Equal(400, final);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void Files_nobody_wrote_for_a_day_are_forgotten_and_a_removed_folder_is_made_again()
    {
        var folder = Path.Combine(Path.GetTempPath(), "leadps-pacing-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            var store = new FilePacingStore(folder);
            store.Update("old", s => { s.Admit(1); return 0; }, CancellationToken.None);
            store.Update("new", s => { s.Admit(2); return 0; }, CancellationToken.None);
            File.SetLastWriteTimeUtc(store.PathOf("old"), DateTime.UtcNow.AddDays(-2));

            store.ForgetUnused(DateTime.UtcNow.AddDays(-1));

            Assert.Equal(new[] { store.PathOf("new") }, Directory.GetFiles(folder));
            Directory.Delete(folder, true);
            Assert.Equal(0, store.Update("new", s => s.Admitted.Count, CancellationToken.None));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, true);
            }
        }
    }
}
