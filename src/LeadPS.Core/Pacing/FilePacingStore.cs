using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace LeadPS.Pacing
{
    /// <summary>
    /// Pacing state shared by every process of the user on this machine: one small text file per
    /// account, named by a hash of the account's key (platform, address and user, never a secret),
    /// read and rewritten under an exclusive lock on the file itself. A lock is held for a read and
    /// a write of a few kilobytes, and the operating system drops it when its process ends.
    /// </summary>
    public sealed class FilePacingStore : IPacingStore
    {
        /// <summary>Longer than any holder keeps the lock; past it something is wrong with the folder.</summary>
        private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(10);

        /// <summary>A file nobody wrote for this long holds nothing a gate still needs (every window is shorter).</summary>
        private static readonly TimeSpan Unused = TimeSpan.FromDays(1);

        public FilePacingStore(string directory)
        {
            if (string.IsNullOrWhiteSpace(directory))
            {
                throw new ArgumentException("The pacing folder must be given.", nameof(directory));
            }

            Directory.CreateDirectory(directory);
            DirectoryPath = directory;
        }

        public string DirectoryPath { get; }

        /// <summary>
        /// The user's store: <c>LeadPS/Pacing</c> under the local application data folder, else under
        /// the temp folder; null when neither can be created (pacing then stays within the process).
        /// </summary>
        public static FilePacingStore? ForCurrentUser()
        {
            foreach (var root in new[] { Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), Path.GetTempPath() })
            {
                if (string.IsNullOrEmpty(root))
                {
                    continue;
                }

                try
                {
                    var store = new FilePacingStore(Path.Combine(root, "LeadPS", "Pacing"));
                    store.ForgetUnused(DateTime.UtcNow - Unused);
                    return store;
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    // Not writable: try the next place.
                }
            }

            return null;
        }

        /// <summary>Deletes account files last written before <paramref name="before"/> (accounts of finished test servers, old endpoints).</summary>
        public void ForgetUnused(DateTime before)
        {
            foreach (var file in Directory.GetFiles(DirectoryPath, "*.pacing"))
            {
                try
                {
                    if (File.GetLastWriteTimeUtc(file) < before)
                    {
                        File.Delete(file);
                    }
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    // In use or not ours: it stays.
                }
            }
        }

        /// <summary>The file that holds <paramref name="account"/>'s state.</summary>
        public string PathOf(string account)
        {
            using (var sha = SHA256.Create())
            {
                var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(account));
                var name = new StringBuilder(32);
                for (var i = 0; i < 16; i++)
                {
                    name.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                }

                return Path.Combine(DirectoryPath, name + ".pacing");
            }
        }

        public T Update<T>(string account, Func<PacingState, T> change, CancellationToken cancellationToken)
        {
            var path = PathOf(account);
            using (var file = OpenLocked(path, cancellationToken))
            {
                var bytes = new byte[file.Length];
                var read = 0;
                while (read < bytes.Length)
                {
                    var n = file.Read(bytes, read, bytes.Length - read);
                    if (n == 0)
                    {
                        break;
                    }

                    read += n;
                }

                var state = PacingState.Read(Encoding.UTF8.GetString(bytes, 0, read));
                var result = change(state);
                var text = Encoding.UTF8.GetBytes(state.Write());
                file.Position = 0;
                file.Write(text, 0, text.Length);
                file.SetLength(text.Length);
                return result;
            }
        }

        private FileStream OpenLocked(string path, CancellationToken cancellationToken)
        {
            var started = DateTime.UtcNow;
            for (var attempt = 0; ; attempt++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    // FileShare.None is the lock: another holder makes the open fail until it closes.
                    return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 4096, FileOptions.None);
                }
                catch (DirectoryNotFoundException)
                {
                    // Someone removed the folder (a cleanup): make it again.
                    Directory.CreateDirectory(DirectoryPath);
                }
                catch (IOException) when (!(DateTime.UtcNow - started > LockTimeout))
                {
                    if (attempt < 10)
                    {
                        Thread.Yield();
                    }
                    else
                    {
                        Thread.Sleep(1);
                    }
                }
                catch (IOException ex)
                {
                    throw new IOException($"LeadPS could not lock its pacing file '{path}' within {LockTimeout.TotalSeconds:0} s.", ex);
                }
            }
        }
    }
}
