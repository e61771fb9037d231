/**
 * The sample applications Kubernetes' own tutorials deploy: "Learn Kubernetes Basics"
 * (gcr.io/google-samples/kubernetes-bootcamp:v1, then docker.io/jocatalin/kubernetes-bootcamp:v2
 * for the rolling update; its `:v10` does not exist, on purpose, so the tutorial can show an
 * ImagePullBackOff) and minikube's start page (kicbase/echo-server:1.0).
 *
 * The bootcamp app is a Node.js 6 server (FROM node:6.3.1, Debian jessie) listening on 8080 whose
 * answer names the pod it runs in — `Hello Kubernetes bootcamp! | Running on: <hostname> | v=1` —
 * and that logs one start line followed by an empty one (console.log's trailing "\n" argument).
 * echo-server is a static Go binary that answers every request with who served it and the request
 * itself: request line, then the Host header, then the other headers.
 */
import type { CatalogImage } from '../catalog-types'
import {
  DEFAULT_PATH,
  derive,
  image,
  mb,
  osReleaseDebian,
  out,
  ports,
  serverProfile,
} from './define'

/** The app's source, as `cat server.js` shows it from the image's working directory. */
const bootcampServer = (version: number): string => `var http = require('http');
var requests = 0;
var podname = process.env.HOSTNAME;
var startTime;
var host;

var handleRequest = function (request, response) {
  response.setHeader('Content-Type', 'text/plain');
  response.writeHead(200);
  response.write("Hello Kubernetes bootcamp! | Running on: ");
  response.write(host);
  response.end(" | v=${version}\\n");
  console.log("Running On:", host, "| Total Requests:", ++requests, "| App Uptime:", (new Date() - startTime) / 1000, "seconds", "| Log Time:", new Date());
}

var www = http.createServer(handleRequest);
www.listen(8080, function () {
  startTime = new Date();
  host = process.env.HOSTNAME;
  console.log("Kubernetes Bootcamp App Started At:", startTime, "| Running On: ", host, "\\n");
});
`

const bootcampV1 = image({
  repository: 'gcr.io/google-samples/kubernetes-bootcamp',
  tag: 'v1',
  created: '2016-08-04T16:58:23Z',
  sizeBytes: mb(211.3),
  layerCount: 10,
  config: {
    Cmd: ['/bin/sh', '-c', 'node server.js'],
    Env: [DEFAULT_PATH, 'NPM_CONFIG_LOGLEVEL=info', 'NODE_VERSION=6.3.1'],
    ExposedPorts: ports('8080'),
    WorkingDir: '',
    User: '',
  },
  base: 'debian',
  files: {
    '/etc/os-release': osReleaseDebian('8', 'jessie'),
    '/server.js': bootcampServer(1),
  },
  profile: serverProfile({
    startup: [
      out('Kubernetes Bootcamp App Started At: {{now:iso}} | Running On:  {{hostname}} ', 180),
      out(''),
    ],
    services: [
      {
        port: 8080,
        protocol: 'tcp',
        kind: 'http',
        http: {
          status: 200,
          headers: {
            'Content-Type': 'text/plain',
            Date: '{{now:http}}',
            Connection: 'keep-alive',
          },
          body: 'Hello Kubernetes bootcamp! | Running on: {{hostname}} | v=1\n',
        },
      },
    ],
    memoryMiB: { idle: 11 },
    cpuPercent: { idle: 0 },
    shell: 'bash',
    packageManager: 'apt',
  }),
  official: false,
})

const bootcampV2 = derive(bootcampV1, {
  tag: 'v2',
  created: '2017-03-23T09:31:16Z',
  sizeBytes: mb(211.4),
  replace: [['| v=1', '| v=2']],
  files: { '/server.js': bootcampServer(2) },
})
bootcampV2.repository = 'jocatalin/kubernetes-bootcamp'

/** Go's net/http writes the headers sorted by name; the request's own headers follow the Host. */
const echoServer = image({
  repository: 'kicbase/echo-server',
  tag: '1.0',
  created: '2022-10-20T17:36:39Z',
  sizeBytes: mb(4.94),
  layerCount: 1,
  config: {
    Entrypoint: ['/echo-server'],
    Env: [DEFAULT_PATH],
    ExposedPorts: ports('8080'),
    WorkingDir: '/',
    User: '',
  },
  base: 'scratch',
  profile: serverProfile({
    startup: [out('Echo server listening on port 8080.', 40)],
    services: [
      {
        port: 8080,
        protocol: 'tcp',
        kind: 'http',
        http: {
          status: 200,
          headers: { 'Content-Type': 'text/plain', Date: '{{now:http}}' },
          body:
            'Request served by {{hostname}}\n\n' +
            'HTTP/1.1 {{method}} {{path}}\n\n' +
            'Host: {{requestHost}}:{{requestPort}}\n' +
            'Accept: */*\n' +
            'User-Agent: {{userAgent}}\n',
        },
      },
    ],
    memoryMiB: { idle: 3 },
    cpuPercent: { idle: 0 },
    shell: null,
    packageManager: null,
  }),
  official: false,
})

export const kubeSampleImages: CatalogImage[] = [bootcampV1, bootcampV2, echoServer]
