"""Debian's python3-kubernetes against the podview sim, as a user of that client would call it.

Usage: client_checks.py KUBECONFIG. Prints one JSON object per line: {"check": name, ...} with
what the client saw, or {"sync": name} when the test driving it must act (emit log lines) before
the script reads a line from stdin and goes on. simPython.test.ts asserts on the results.
"""
import json
import sys

from kubernetes import client, config, watch
from kubernetes.client.rest import ApiException
from kubernetes.stream import stream


def out(check, **data):
    print(json.dumps({"check": check, **data}), flush=True)


def sync(name):
    print(json.dumps({"sync": name}), flush=True)
    sys.stdin.readline()


def api_error(check, call):
    try:
        call()
        out(check, raised=False)
    except ApiException as e:
        out(check, raised=True, status=e.status, reason=e.reason, body=json.loads(e.body) if e.body else None)


def names(items):
    return [p.metadata.name for p in items]


def main():
    config.load_kube_config(config_file=sys.argv[1])
    v1 = client.CoreV1Api()

    pods = v1.list_namespaced_pod("default")
    out("list", names=names(pods.items), rv=pods.metadata.resource_version)
    out("list-selector", names=names(v1.list_pod_for_all_namespaces(label_selector="app=web").items))
    page = v1.list_namespaced_pod("default", limit=2)
    rest = v1.list_namespaced_pod("default", limit=2, _continue=page.metadata._continue)
    out("list-pages", first=names(page.items), second=names(rest.items))

    pod = v1.read_namespaced_pod("web-1", "default")
    out("get", name=pod.metadata.name, phase=pod.status.phase, containers=[c.name for c in pod.spec.containers])

    # A watch without resourceVersion starts with the current Pods as ADDED.
    w = watch.Watch()
    events = []
    for e in w.stream(v1.list_namespaced_pod, "default", timeout_seconds=10):
        events.append([e["type"], e["object"].metadata.name])
        if len(events) == 3:
            w.stop()
    out("watch-initial", events=events)

    # A watch from a list's resourceVersion sees only what changed after it.
    rv = v1.list_namespaced_pod("default").metadata.resource_version
    v1.patch_namespaced_pod("web-2", "default", {"metadata": {"labels": {"patched": "yes"}}})
    w = watch.Watch()
    events = []
    for e in w.stream(v1.list_namespaced_pod, "default", resource_version=rv, timeout_seconds=10):
        events.append([e["type"], e["object"].metadata.name, (e["object"].metadata.labels or {}).get("patched")])
        w.stop()
    out("watch-from-rv", events=events)

    w = watch.Watch()
    seen = []
    for e in w.stream(v1.list_namespaced_pod, "default", resource_version=rv, allow_watch_bookmarks=True, timeout_seconds=10):
        seen.append(e["type"])
        if e["type"] == "BOOKMARK":
            out("bookmark", types=seen, kind=e["object"]["kind"], rv=e["object"]["metadata"]["resourceVersion"])
            w.stop()

    # Enough changes to push the first resourceVersion out of the sim's history window: 410.
    for i in range(8):
        v1.patch_namespaced_pod("web-2", "default", {"metadata": {"labels": {"round": str(i)}}})
    api_error("watch-gone", lambda: list(watch.Watch().stream(v1.list_namespaced_pod, "default", resource_version=rv, timeout_seconds=10)))

    out("log-tail-timestamps", text=v1.read_namespaced_pod_log("web-2", "default", tail_lines=2, timestamps=True))
    out("log-previous", text=v1.read_namespaced_pod_log("db-0", "default", previous=True))
    w = watch.Watch()
    lines = []
    for line in w.stream(v1.read_namespaced_pod_log, "web-2", "default", tail_lines=1):
        lines.append(line)
        if line == "three":
            sync("follow")
        if line == "after":
            w.stop()
    out("log-follow", lines=lines)

    resp = stream(
        v1.connect_get_namespaced_pod_exec, "web-1", "default", container="app",
        command=["/bin/sh", "-c", "echo out; echo err >&2; exit 3"],
        stderr=True, stdin=False, stdout=True, tty=False, _preload_content=False,
    )
    resp.run_forever(timeout=20)
    out("exec", stdout=resp.read_stdout(), stderr=resp.read_stderr(), code=resp.returncode)
    resp.close()

    api_error("forbidden", lambda: v1.list_namespaced_secret("default"))
    api_error("not-found", lambda: v1.read_namespaced_pod("ghost", "default"))
    out("done")


main()
