// MSBuild tasks (compiled by RoslynCodeTaskFactory) that let TorchSharp's libLibTorchSharp.so load on
// Linux hosts whose libstdc++ predates GCC 13. The library asks libstdc++.so.6 for version
// GLIBCXX_3.4.32 for a single symbol, std::ios_base_library_init(), that nothing calls: GCC 13's
// <iostream> only references it so that the library constructs the standard streams. Marking that
// version requirement weak lets the loader accept an older libstdc++, and a tiny library added as a
// dependency (ios_base_library_init.cpp) constructs the streams and defines the symbol.
using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>Tells whether the libstdc++ the loader finds lacks GLIBCXX_3.4.32.</summary>
public sealed class DetectOldLibstdcxx : Task
{
    [Output] public bool IsOld { get; set; }

    [DllImport("libc.so.6")] static extern IntPtr dlopen(string file, int mode);
    [DllImport("libc.so.6")] static extern IntPtr dlvsym(IntPtr handle, string symbol, string version);

    public override bool Execute()
    {
        try
        {
            // Ask the dynamic loader itself: it is the one that refuses the library at run time.
            IntPtr libstdcxx = dlopen("libstdc++.so.6", 1 /* RTLD_LAZY */);
            IsOld = libstdcxx != IntPtr.Zero
                && dlvsym(libstdcxx, "_ZSt21ios_base_library_initv", "GLIBCXX_3.4.32") == IntPtr.Zero;
        }
        catch (Exception e) when (e is DllNotFoundException || e is EntryPointNotFoundException)
        {
            IsOld = false; // not glibc: nothing we know how to fix
        }
        return true;
    }
}

/// <summary>Patches copies of libLibTorchSharp.so in place; idempotent.</summary>
public sealed class PatchLibTorchSharp : Task
{
    const uint VerFlagWeak = 0x2, ShtDynamic = 6, ShtDynsym = 11, ShtVerneed = 0x6ffffffe;
    const long DtNull = 0, DtNeeded = 1, DtRpath = 15, DtRunpath = 29;

    [Required] public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The compatibility library to add as a dependency; skipped when it was not built.</summary>
    public string Shim { get; set; } = "";

    public override bool Execute()
    {
        string shimName = File.Exists(Shim) ? Path.GetFileName(Shim) : "";
        foreach (ITaskItem item in Files)
        {
            string path = item.ItemSpec;
            if (shimName.Length > 0) File.Copy(Shim, Path.Combine(Path.GetDirectoryName(path)!, shimName), true);
            byte[] elf = File.ReadAllBytes(path);
            bool changed;
            try { changed = Patch(elf, shimName); }
            catch (InvalidDataException e) { Log.LogError("{0}: {1}", path, e.Message); return false; }
            if (!changed) continue;
            // Write a new file rather than into the old one: the copy may be a hard link into the
            // NuGet cache. Keeping the timestamp lets incremental copies see it as up to date.
            DateTime stamp = File.GetLastWriteTimeUtc(path);
            File.WriteAllBytes(path + ".tmp", elf);
            File.Delete(path);
            File.Move(path + ".tmp", path);
            File.SetLastWriteTimeUtc(path, stamp);
            Log.LogMessage(MessageImportance.High, "Patched {0} for a libstdc++ older than GCC 13", path);
        }
        return true;
    }

    static bool Patch(byte[] elf, string shim)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("not a 64-bit little-endian ELF file");
        Section dynamic = FindSection(elf, ShtDynamic), verneed = FindSection(elf, ShtVerneed);
        Section dynsym = FindSection(elf, ShtDynsym);
        long dynstr = SectionAt(elf, dynamic.Link).Offset;
        bool changed = WeakenVersion(elf, verneed, dynstr);
        if (shim.Length > 0) changed |= AddNeeded(elf, dynamic, dynsym, verneed, dynstr, shim);
        return changed;
    }

    static bool WeakenVersion(byte[] elf, Section verneed, long dynstr)
    {
        for (long need = verneed.Offset, n = 0; n < verneed.Info; n++)
        {
            long aux = need + U32(elf, need + 8);
            for (int a = 0; a < U16(elf, need + 2); a++, aux += U32(elf, aux + 12))
            {
                if (Str(elf, dynstr + U32(elf, aux + 8)) != "GLIBCXX_3.4.32") continue;
                uint flags = U16(elf, aux + 4);
                if ((flags & VerFlagWeak) != 0) return false;
                BitConverter.GetBytes((ushort)(flags | VerFlagWeak)).CopyTo(elf, aux + 4);
                return true;
            }
            need += U32(elf, need + 12);
        }
        return false; // a build that does not ask for GLIBCXX_3.4.32
    }

    // .dynstr cannot grow, so the shim's name takes the place of the run path's last entries: an
    // absolute directory on the machine that built TorchSharp, which exists nowhere else.
    static bool AddNeeded(byte[] elf, Section dynamic, Section dynsym, Section verneed, long dynstr, string shim)
    {
        int count = (int)(dynamic.Size / 16), end = 0;
        while (end < count && I64(elf, dynamic.Offset + end * 16) != DtNull) end++;
        long path = -1;
        for (int i = 0; i < end; i++)
        {
            long tag = I64(elf, dynamic.Offset + i * 16), value = I64(elf, dynamic.Offset + i * 16 + 8);
            if (tag == DtNeeded && Str(elf, dynstr + value) == shim) return false;
            if (tag == DtRunpath || tag == DtRpath) path = value;
        }
        if (end + 1 >= count) throw new InvalidDataException("no spare slot in .dynamic");
        if (path < 0) throw new InvalidDataException("no run path to make room for " + shim);
        string runPath = Str(elf, dynstr + path);
        int cut = runPath.LastIndexOf(':');
        while (cut > 0 && runPath.Length - cut - 1 < shim.Length) cut = runPath.LastIndexOf(':', cut - 1);
        if (cut <= 0 || !runPath.StartsWith("$ORIGIN", StringComparison.Ordinal))
            throw new InvalidDataException("run path too short to hold " + shim);
        long start = dynstr + path + cut, stop = dynstr + path + runPath.Length;
        if (Shared(elf, dynamic, dynsym, verneed, dynstr, dynstr + path, stop))
            throw new InvalidDataException("run path shares bytes with other names");
        elf[start] = 0;
        Encoding.ASCII.GetBytes(shim).CopyTo(elf, start + 1);
        elf[start + 1 + shim.Length] = 0;
        // Append after the existing dependencies so the loader's search order stays the same.
        int at = 0;
        while (at < end && I64(elf, dynamic.Offset + at * 16) == DtNeeded) at++;
        long offset = dynamic.Offset + at * 16;
        Array.Copy(elf, offset, elf, offset + 16, (end - at + 1) * 16);
        BitConverter.GetBytes(DtNeeded).CopyTo(elf, offset);
        BitConverter.GetBytes(start + 1 - dynstr).CopyTo(elf, offset + 8);
        return true;
    }

    // The linker shares string tails, so make sure no other name is a tail of the run path.
    static bool Shared(byte[] elf, Section dynamic, Section dynsym, Section verneed, long dynstr, long start, long stop)
    {
        bool Inside(long name) => dynstr + name > start && dynstr + name <= stop;
        for (long s = dynsym.Offset; s < dynsym.Offset + dynsym.Size; s += 24)
            if (Inside(U32(elf, s))) return true;
        for (long need = verneed.Offset, n = 0; n < verneed.Info; n++, need += U32(elf, need + 12))
        {
            if (Inside(U32(elf, need + 4))) return true;
            long aux = need + U32(elf, need + 8);
            for (int a = 0; a < U16(elf, need + 2); a++, aux += U32(elf, aux + 12))
                if (Inside(U32(elf, aux + 8))) return true;
        }
        for (long d = dynamic.Offset; d < dynamic.Offset + dynamic.Size; d += 16)
        {
            long tag = I64(elf, d);
            if ((tag == DtNeeded || tag == 14 /* DT_SONAME */) && Inside(I64(elf, d + 8))) return true;
        }
        return false;
    }

    readonly struct Section
    {
        public Section(long offset, long size, uint link, uint info) { Offset = offset; Size = size; Link = link; Info = info; }
        public long Offset { get; }
        public long Size { get; }
        public uint Link { get; }
        public uint Info { get; }
    }

    static Section SectionAt(byte[] elf, uint index)
    {
        long header = I64(elf, 0x28) + index * U16(elf, 0x3a);
        return new Section(I64(elf, header + 24), I64(elf, header + 32), U32(elf, header + 40), U32(elf, header + 44));
    }

    static Section FindSection(byte[] elf, uint type)
    {
        for (uint i = 0; i < U16(elf, 0x3c); i++)
            if (U32(elf, I64(elf, 0x28) + i * U16(elf, 0x3a) + 4) == type) return SectionAt(elf, i);
        throw new InvalidDataException($"no section of type 0x{type:x}");
    }

    static uint U16(byte[] b, long at) => BitConverter.ToUInt16(b, (int)at);
    static uint U32(byte[] b, long at) => BitConverter.ToUInt32(b, (int)at);
    static long I64(byte[] b, long at) => BitConverter.ToInt64(b, (int)at);

    static string Str(byte[] b, long at)
    {
        int end = Array.IndexOf(b, (byte)0, (int)at);
        return Encoding.ASCII.GetString(b, (int)at, end - (int)at);
    }
}
