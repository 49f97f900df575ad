using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using LeadPS.Http;

namespace LeadPS.Connections
{
    /// <summary>
    /// The connections of one runspace, and which of them is the default. Each runspace gets its
    /// own registry, so scripts running side by side (runspace pools, ForEach-Object -Parallel,
    /// hosted engines) never see, use or replace each other's connections.
    /// </summary>
    internal sealed class ConnectionRegistry
    {
        // Keyed by the runspace itself and held weakly: a closed runspace takes its registry with it.
        private static readonly ConditionalWeakTable<Runspace, ConnectionRegistry> ByRunspace = new ConditionalWeakTable<Runspace, ConnectionRegistry>();

        private readonly Dictionary<string, LeadApiConnection> _connections = new Dictionary<string, LeadApiConnection>(StringComparer.OrdinalIgnoreCase);
        private readonly List<string> _connectedOrder = new List<string>();
        private readonly object _lock = new object();

        public static ConnectionRegistry ForCurrentRunspace()
        {
            var runspace = Runspace.DefaultRunspace
                ?? throw new InvalidOperationException("LeadPS commands must run in a PowerShell runspace.");
            return ByRunspace.GetValue(runspace, _ => new ConnectionRegistry());
        }

        public LeadApiConnection? Default
        {
            get
            {
                lock (_lock)
                {
                    return _connectedOrder.Count == 0 ? null : _connections[_connectedOrder[_connectedOrder.Count - 1]];
                }
            }
        }

        /// <summary>Adds a connection and makes it the default; one of the same name is replaced and disposed.</summary>
        public void Add(LeadApiConnection connection)
        {
            LeadApiConnection? replaced;
            lock (_lock)
            {
                _connections.TryGetValue(connection.Name, out replaced);
                _connections[connection.Name] = connection;
                _connectedOrder.RemoveAll(n => string.Equals(n, connection.Name, StringComparison.OrdinalIgnoreCase));
                _connectedOrder.Add(connection.Name);
            }

            if (replaced != null && !ReferenceEquals(replaced, connection))
            {
                replaced.Dispose();
            }
        }

        /// <summary>Removes and disposes a connection; the most recent remaining one becomes the default.</summary>
        public bool Remove(LeadApiConnection connection)
        {
            lock (_lock)
            {
                if (!_connections.TryGetValue(connection.Name, out var current) || !ReferenceEquals(current, connection))
                {
                    return false;
                }

                _connections.Remove(connection.Name);
                _connectedOrder.RemoveAll(n => string.Equals(n, connection.Name, StringComparison.OrdinalIgnoreCase));
            }

            connection.Dispose();
            return true;
        }

        public LeadApiConnection? Find(string name)
        {
            lock (_lock)
            {
                return _connections.TryGetValue(name, out var connection) ? connection : null;
            }
        }

        /// <summary>Connections whose name matches the wildcard pattern, oldest first.</summary>
        public IReadOnlyList<LeadApiConnection> Match(string pattern)
        {
            var wildcard = WildcardPattern.Get(pattern, WildcardOptions.IgnoreCase);
            lock (_lock)
            {
                return _connectedOrder.Where(wildcard.IsMatch).Select(n => _connections[n]).ToList();
            }
        }

        public IReadOnlyList<LeadApiConnection> All()
        {
            lock (_lock)
            {
                return _connectedOrder.Select(n => _connections[n]).ToList();
            }
        }

        public bool IsDefault(LeadApiConnection connection) => ReferenceEquals(Default, connection);
    }
}
