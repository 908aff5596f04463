#!/bin/sh
# job-image.sh TAG: makes the Docker image the Docker runtime's tests run jobs in, unless the
# daemon has it already. No registry is reachable, so it is imported from a root filesystem made
# here: Debian's static busybox (sh, sleep, tar, date...) and the host's curl with the libraries
# ldd lists, which is all the job scripts' helpers need.
set -eu
tag=$1
if docker image inspect "$tag" >/dev/null 2>&1; then
    exit 0
fi
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/bin" "$root/usr/bin" "$root/etc" "$root/tmp"
chmod 1777 "$root/tmp"
cp /bin/busybox "$root/bin/busybox"
for applet in $("$root/bin/busybox" --list); do
    [ -e "$root/bin/$applet" ] || ln -s busybox "$root/bin/$applet"
done
cp /usr/bin/curl "$root/usr/bin/curl"
for lib in $(ldd /usr/bin/curl | grep -o '/[^ ]*'); do
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
done
echo 'root:x:0:0:root:/root:/bin/sh' > "$root/etc/passwd"
echo 'nobody:x:65534:65534:nobody:/nonexistent:/bin/sh' >> "$root/etc/passwd"
tar -C "$root" -c . | docker import -c 'ENV PATH=/usr/bin:/bin' - "$tag" >/dev/null
