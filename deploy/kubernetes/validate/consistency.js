// Checks that the manifests fit together, beyond what each object's schema can say.
"use strict";

/** @returns {string[]} the problems found */
exports.check = function check(objects) {
  const problems = [];
  const byKind = (kind) => objects.filter((o) => o.kind === kind);
  const need = (condition, message) => condition || problems.push(message);
  const deployments = byKind("Deployment");
  need(deployments.length === 1, `expected one Deployment, found ${deployments.length}`);
  const deployment = deployments[0];
  if (!deployment) return problems;

  const name = deployment.metadata.name;
  const pod = deployment.spec.template.spec;
  const podLabels = deployment.spec.template.metadata?.labels ?? {};
  const selects = (selector) =>
    Object.entries(selector ?? {}).length > 0 && Object.entries(selector).every(([k, v]) => podLabels[k] === v);
  need(selects(deployment.spec.selector.matchLabels), `Deployment ${name}: selector does not match its pod labels`);

  for (const c of pod.containers) {
    const where = `Deployment ${name}, container ${c.name}`;
    const ports = new Set((c.ports ?? []).flatMap((p) => [p.name, p.containerPort]));
    for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
      const get = c[probe]?.httpGet;
      if (probe !== "startupProbe") need(get, `${where}: no HTTP ${probe}`);
      if (get) need(ports.has(get.port), `${where}: ${probe} port ${get.port} is not a container port`);
    }
    need(c.resources?.requests?.cpu && c.resources?.requests?.memory, `${where}: no cpu and memory requests`);
    need(c.resources?.limits?.memory, `${where}: no memory limit`);
    const security = { ...pod.securityContext, ...c.securityContext };
    need(security.runAsNonRoot === true, `${where}: runAsNonRoot is not set`);
    need(security.readOnlyRootFilesystem === true, `${where}: root file system is writable`);
    need(security.allowPrivilegeEscalation === false, `${where}: privilege escalation is allowed`);
    // SIGTERM comes after preStop; the pod is killed at the grace period's end, drained or not.
    const preStop = c.lifecycle?.preStop?.sleep?.seconds ?? 0;
    const drain = shutdownSeconds(byKind("ConfigMap"));
    const grace = pod.terminationGracePeriodSeconds ?? 30;
    need(preStop > 0, `${where}: no preStop delay, so new connections are refused before the endpoint is removed`);
    need(grace >= preStop + drain, `${where}: terminationGracePeriodSeconds ${grace} < preStop ${preStop} + Shutdown__Timeout ${drain}`);
    for (const source of c.envFrom ?? []) {
      const ref = source.configMapRef?.name;
      if (ref) need(byKind("ConfigMap").some((m) => m.metadata.name === ref), `${where}: no ConfigMap ${ref}`);
    }
    for (const service of byKind("Service")) {
      for (const p of service.spec.ports) {
        need(ports.has(p.targetPort ?? p.port), `Service ${service.metadata.name}: target port ${p.targetPort} is not served`);
      }
    }
  }

  for (const service of byKind("Service")) {
    need(selects(service.spec.selector), `Service ${service.metadata.name}: selector misses the Deployment's pods`);
  }
  for (const pdb of byKind("PodDisruptionBudget")) {
    need(selects(pdb.spec.selector?.matchLabels), `PodDisruptionBudget ${pdb.metadata.name}: selector misses the pods`);
  }
  for (const hpa of byKind("HorizontalPodAutoscaler")) {
    const target = hpa.spec.scaleTargetRef;
    need(target.kind === "Deployment" && target.name === name, `HorizontalPodAutoscaler ${hpa.metadata.name}: targets ${target.kind} ${target.name}`);
    need(hpa.spec.minReplicas >= 2, `HorizontalPodAutoscaler ${hpa.metadata.name}: fewer than 2 replicas leaves no room for a disruption`);
  }
  return problems;
};

/** Shutdown__Timeout from a ConfigMap ([d.]hh:mm:ss as .NET reads a TimeSpan), else the service's 20 s default. */
function shutdownSeconds(configMaps) {
  const value = configMaps.map((m) => m.data?.Shutdown__Timeout).find((v) => v !== undefined);
  if (value === undefined) return 20;
  const match = /^(?:(\d+)\.)?(\d+):(\d+):(\d+(?:\.\d+)?)$/.exec(value);
  if (!match) return Infinity; // unreadable: report it as not fitting rather than guess
  const [, days = 0, hours, minutes, seconds] = match;
  return ((+days * 24 + +hours) * 60 + +minutes) * 60 + +seconds;
}
