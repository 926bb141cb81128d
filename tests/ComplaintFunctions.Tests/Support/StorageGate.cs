using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using LocalFunctionsRunner.Storage;

namespace ComplaintFunctions.Tests.Support;

/// <summary>
/// A TCP gate in front of Azurite's three ports: the runner is given a connection string through it,
/// and a test closes the gate to make storage go away as it does when the account is unreachable
/// (open connections are reset, new ones refused) and opens it again, without stopping the Azurite
/// the other tests share.
/// </summary>
public sealed class StorageGate : IAsyncDisposable
{
    readonly Gate[] gates;

    StorageGate(Gate[] gates) => this.gates = gates;

    public AzuriteEndpoints Endpoints => new(gates[0].Port, gates[1].Port, gates[2].Port);

    public string ConnectionString => Endpoints.ConnectionString;

    public bool IsOpen => gates[0].IsOpen;

    public static StorageGate Before(AzuriteEndpoints azurite)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var gates = new[] { azurite.BlobPort, azurite.QueuePort, azurite.TablePort }.Select(p => new Gate(AzuriteProcess.FreePort(), p)).ToArray();
        foreach (var gate in gates)
        {
            gate.Open();
        }

        return new StorageGate(gates);
    }

    /// <summary>Storage goes away: every open connection is reset and new ones are refused.</summary>
    public void Close()
    {
        foreach (var gate in gates)
        {
            gate.Close();
        }
    }

    public void Open()
    {
        foreach (var gate in gates)
        {
            gate.Open();
        }
    }

    public ValueTask DisposeAsync()
    {
        Close();
        return ValueTask.CompletedTask;
    }

    sealed class Gate(int port, int target)
    {
        readonly ConcurrentDictionary<Socket, byte> open = new();
        TcpListener? listener;

        public int Port => port;

        public bool IsOpen => listener is not null;

        public void Open()
        {
            if (listener is not null)
            {
                return;
            }

            var l = new TcpListener(IPAddress.Loopback, port);
            l.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            l.Start();
            listener = l;
            _ = AcceptAsync(l);
        }

        public void Close()
        {
            var l = Interlocked.Exchange(ref listener, null);
            l?.Stop();
            foreach (var socket in open.Keys)
            {
                Reset(socket);
            }
        }

        async Task AcceptAsync(TcpListener l)
        {
            while (true)
            {
                Socket client;
                try
                {
                    client = await l.AcceptSocketAsync();
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                _ = PipeAsync(client);
            }
        }

        async Task PipeAsync(Socket client)
        {
            var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            open[client] = 0;
            open[server] = 0;
            try
            {
                await server.ConnectAsync(IPAddress.Loopback, target);
                await Task.WhenAny(CopyAsync(client, server), CopyAsync(server, client));
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException)
            {
            }
            finally
            {
                open.TryRemove(client, out _);
                open.TryRemove(server, out _);
                Reset(client);
                Reset(server);
            }
        }

        static async Task CopyAsync(Socket from, Socket to)
        {
            var buffer = new byte[64 * 1024];
            try
            {
                int read;
                while ((read = await from.ReceiveAsync(buffer, SocketFlags.None)) > 0)
                {
                    await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
            }
        }

        static void Reset(Socket socket)
        {
            try
            {
                socket.LingerState = new LingerOption(true, 0);
                socket.Close();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
            }
        }
    }
}
