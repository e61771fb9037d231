/**
 * Public repositories known by name only. They pull, and run a generic long-lived process that
 * logs one start line; sizes, layers and dates are derived from the name so they never change.
 *
 * Sources: Docker Hub's official-image library (docker-library/official-images `library/`),
 * well-known vendor repositories, and every image the shared corpus (awesome-compose, compose
 * e2e fixtures, kubernetes/website and kubernetes/examples manifests, official Dockerfiles)
 * names. Columns: repository, exposed ports (`-` for none), flags:
 *   h  the first port serves HTTP          i  default command is a shell/REPL (exits at once)
 *   a  Alpine based   u  Ubuntu based   r  RHEL-family based   d  distroless/scratch based
 *   w  Windows-only image (a Linux daemon finds no linux/amd64 manifest)
 *   t  a command-line tool: its default command runs the tool once and exits (curl images)
 */
import type { ImageBase, ImageConfig } from '../catalog-types'

export interface GenericRepository {
  name: string
  ports: string[]
  http: boolean
  interactive: boolean
  base: ImageBase
  windows: boolean
  tool: boolean
}

const TABLE = `
# Official images (docker.io/library/…) outside the rich catalog
aerospike                         3000,3001,3002      -
almalinux                         -                   ir
alt                               -                   i
amazoncorretto                    -                   ir
amazonlinux                       -                   ir
api-firewall                      8088                h
arangodb                          8529                h
archlinux                         -                   i
backdrop                          80                  h
bash                              -                   ia
bonita                            8080                h
buildpack-deps                    -                   i
caddy                             80,443,443/udp,2019 ha
cassandra                         7000,7001,7199,9042,9160 -
centos                            -                   ir
chronograf                        8888                h
cirros                            -                   i
clearlinux                        -                   i
clefos                            -                   ir
clojure                           -                   i
composer                          -                   ia
consul                            8300,8301,8301/udp,8302,8302/udp,8500,8600,8600/udp ha
convertigo                        28080               h
couchbase                         8091,8092,8093,8094,8095,8096,8097,11207,11210,11211,18091,18092,18093,18094,18095,18096,18097 hu
couchdb                           4369,5984,9100      h
crate                             4200,5432           h
dart                              -                   i
docker                            2375,2376           ia
drupal                            80                  h
eclipse-mosquitto                 1883                a
eggdrop                           3333                a
elasticsearch                     9200,9300           hu
elixir                            -                   i
emqx                              1883,8083,8084,8883,18083 h
erlang                            -                   i
fedora                            -                   ir
flink                             6123,8081           h
fluentd                           24224,5140          a
friendica                         80                  h
gazebo                            -                   iu
gcc                               -                   i
geonetwork                        8080                h
ghost                             2368                h
gradle                            -                   i
groovy                            -                   i
haproxy                           -                   -
haskell                           -                   i
haxe                              -                   i
hitch                             443                 -
hylang                            -                   i
ibm-semeru-runtimes               -                   iu
ibmjava                           -                   iu
influxdb                          8086                h
irssi                             -                   i
jetty                             8080                h
joomla                            80                  h
jruby                             -                   i
julia                             -                   i
kapacitor                         9092                h
kibana                            5601                hu
kong                              8000,8001,8443,8444 ha
krakend                           8080                ha
lightstreamer                     8080                h
liquibase                         -                   -
logstash                          5044,9600           u
mageia                            -                   i
matomo                            80                  h
maven                             -                   i
mediawiki                         80                  h
mongo-express                     8081                ha
monica                            80                  h
mono                              -                   i
nats                              4222,6222,8222      d
neo4j                             7473,7474,7687      h
neurodebian                       -                   i
nextcloud                         80                  h
notary                            4443                a
odoo                              8069,8071,8072      h
open-liberty                      9080,9443           hu
openjdk                           -                   i
oraclelinux                       -                   ir
orientdb                          2424,2480           h
percona                           3306                r
perl                              -                   i
photon                            -                   i
php-zendserver                    80,443              h
plone                             8080                h
postfixadmin                      80                  h
pypy                              -                   i
r-base                            -                   i
rakudo-star                       -                   i
redmine                           3000                h
registry                          5000                ha
rethinkdb                         8080,28015,29015    h
rocket.chat                       3000                h
rockylinux                        -                   ir
ros                               -                   iu
ruby                              -                   i
rust                              -                   i
sapmachine                        -                   iu
satosa                            8080                h
silverpeas                        8000                h
solr                              8983                h
sonarqube                         9000                hu
spiped                            -                   -
storm                             6627,8000,8080      h
swift                             -                   iu
swipl                             -                   i
teamspeak                         9987/udp,10011,30033 -
telegraf                          8092/udp,8094,8125/udp -
tomcat                            8080                hu
tomee                             8080                h
unit                              -                   -
varnish                           80,8443             h
vault                             8200                ha
websphere-liberty                 9080,9443           hu
xwiki                             8080                h
yourls                            80                  h
znc                               6697                a
zookeeper                         2181,2888,3888,8080 -

# Vendor repositories on Docker Hub
adguard/adguardhome               53,53/udp,80,443,3000 ha
alpine/curl                       -                   at
appropriate/curl                  -                   at
alpine/git                        -                   a
alpine/k8s                        -                   ia
alpine/socat                      -                   a
amazon/aws-cli                    -                   r
amazon/dynamodb-local             8000                h
anchore/grype                     -                   d
apache/activemq-artemis           8161,61616          h
apache/activemq-classic           8161,61616          h
apache/airflow                    8080                h
apache/kafka                      9092                a
apache/spark                      -                   iu
apache/superset                   8088                h
appsmith/appsmith-ce              80,443              h
aquasec/trivy                     -                   a
arungupta/wildfly-mysql-javaee7   8080                h
atlassian/bitbucket               7990,7999           h
atlassian/confluence              8090,8091           h
atlassian/jira-software           8080                h
axllent/mailpit                   1025,1110,8025      ha
baserow/baserow                   80,443              h
bitnami/apache                    8080,8443           h
bitnami/cassandra                 7000,9042           -
bitnami/consul                    8300,8301,8500,8600 h
bitnami/elasticsearch             9200,9300           h
bitnami/etcd                      2379,2380           -
bitnami/external-dns              -                   -
bitnami/ghost                     2368                h
bitnami/git                       -                   i
bitnami/grafana                   3000                h
bitnami/jenkins                   8080,8443,50000     h
bitnami/kafka                     9092                -
bitnami/keycloak                  8080                h
bitnami/kube-state-metrics        8080                h
bitnami/kubectl                   -                   -
bitnami/mariadb                   3306                -
bitnami/memcached                 11211               -
bitnami/metrics-server            8443                -
bitnami/minio                     9000,9001           h
bitnami/mongodb                   27017               -
bitnami/moodle                    8080,8443           h
bitnami/mysql                     3306                -
bitnami/nginx                     8080,8443           h
bitnami/node                      -                   i
bitnami/node-exporter             9100                h
bitnami/openldap                  1389,1636           -
bitnami/os-shell                  -                   i
bitnami/pgbouncer                 6432                -
bitnami/php-fpm                   9000                -
bitnami/phpmyadmin                8080,8443           h
bitnami/postgresql                5432                -
bitnami/postgresql-repmgr         5432                -
bitnami/prometheus                9090                h
bitnami/python                    -                   i
bitnami/rabbitmq                  4369,5551,5552,5672,15672,25672 -
bitnami/redis                     6379                -
bitnami/redis-cluster             6379                -
bitnami/redis-sentinel            26379               -
bitnami/sealed-secrets-controller 8080                h
bitnami/spark                     -                   -
bitnami/thanos                    10901,10902         h
bitnami/wordpress                 8080,8443           h
bitnami/zookeeper                 2181,2888,3888,8080 -
bprashanth/nginxhttps             80,443              h
browserless/chrome                3000                h
budibase/budibase                 80                  h
capttofu/percona_xtradb_cluster_5_6 3306,4444,4567,4568 r
certbot/certbot                   80,443              a
clickhouse/clickhouse-server      8123,9000,9009      hu
cockroachdb/cockroach             8080,26257          hr
codercom/code-server              8080                h
collabora/code                    9980                hu
condaforge/miniforge3             -                   iu
confluentinc/cp-kafka             9092                r
confluentinc/cp-kafka-connect     8083                hr
confluentinc/cp-schema-registry   8081                hr
confluentinc/cp-zookeeper         2181,2888,3888      r
containous/whoami                 80                  hd
containrrr/watchtower             8080                d
continuumio/anaconda3             -                   i
continuumio/miniconda3            -                   i
coredns/coredns                   53,53/udp           d
corelab/gb-frontend               80                  h
curlimages/curl                   -                   at
cypress/base                      -                   i
cypress/included                  -                   -
datadog/agent                     8125/udp,8126       -
directus/directus                 8055                ha
docker/compose                    -                   a
docker/dockerfile                 -                   d
docker/getting-started            80                  ha
docker/welcome-to-docker          80                  ha
dpage/pgadmin4                    80,443              ha
drone/drone                       80,443              ha
drone/drone-runner-docker         3000                a
duplicati/duplicati               8200                h
ealen/echo-server                 80                  ha
elsonrodriguez/spark-ui-proxy     80                  h
emqx/emqx                         1883,8083,8084,8883,18083 h
filebrowser/filebrowser           80                  hd
fluent/fluent-bit                 2020                d
fluent/fluentd                    24224,5140          a
fluent/fluentd-kubernetes-daemonset 24224             -
gitea/gitea                       22,3000             ha
gitlab/gitlab-ce                  22,80,443           hu
gitlab/gitlab-ee                  22,80,443           hu
gitlab/gitlab-runner              -                   u
gogs/gogs                         22,3000             ha
grafana/alloy                     12345               h
grafana/grafana-enterprise        3000                ha
grafana/grafana-oss               3000                ha
grafana/k6                        -                   a
grafana/loki                      3100                ha
grafana/promtail                  9080                h
grafana/tempo                     3200                h
graylog/graylog                   9000,12201,12201/udp,1514,1514/udp h
gtardif/sentences-api             8080                h
gtardif/sentences-db              5432                -
gtardif/sentences-web             80                  h
gvenzl/oracle-free                1521                r
gvenzl/oracle-xe                  1521                r
hadolint/hadolint                 -                   d
hashicorp/consul                  8300,8301,8301/udp,8302,8302/udp,8500,8600,8600/udp ha
hashicorp/http-echo               5678                hd
hashicorp/nomad                   4646,4647,4648      h
hashicorp/packer                  -                   a
hashicorp/terraform               -                   a
hashicorp/vault                   8200                ha
hasura/graphql-engine             8080                h
hivemq/hivemq4                    1883,8080           h
homeassistant/home-assistant      8123                ha
itzg/minecraft-server             25565,25575         u
jaegertracing/all-in-one          5775/udp,6831/udp,6832/udp,5778,16686,14268,14250,9411 h
jc21/nginx-proxy-manager          80,81,443           h
jellyfin/jellyfin                 8096                h
jenkins/agent                     -                   -
jenkins/inbound-agent             -                   -
jenkins/jenkins                   8080,50000          h
jmalloc/echo-server               8080                hd
jupyter/base-notebook             8888                hu
jupyter/datascience-notebook      8888                hu
jupyter/minimal-notebook          8888                hu
jupyter/scipy-notebook            8888                hu
jwilder/nginx-proxy               80,443              h
keycloak/keycloak                 8080,8443           hr
kennethreitz/httpbin              80                  h
kicbase/stable                    22,2376,5000,8443,32443 u
kindest/node                      -                   -
kong/kong-gateway                 8000,8001,8443,8444 h
kubernetesui/dashboard            9090                hd
kubernetesui/metrics-scraper      8000                d
koalaman/shellcheck               -                   d
linuxserver/bazarr                6767                ha
linuxserver/code-server           8443                hu
linuxserver/duplicati             8200                hu
linuxserver/firefox               3000,3001           h
linuxserver/heimdall              80,443              ha
linuxserver/jackett               9117                ha
linuxserver/jellyfin              8096,8920           hu
linuxserver/lidarr                8686                ha
linuxserver/mariadb               3306                a
linuxserver/nextcloud             80,443              ha
linuxserver/openssh-server        2222                a
linuxserver/plex                  32400               hu
linuxserver/prowlarr              9696                ha
linuxserver/qbittorrent           6881,6881/udp,8080  ha
linuxserver/radarr                7878                ha
linuxserver/sonarr                8989                hu
linuxserver/swag                  80,443              ha
linuxserver/syncthing             8384,21027/udp,22000 ha
linuxserver/transmission          9091,51413,51413/udp ha
linuxserver/webtop                3000,3001           h
linuxserver/wireguard             51820/udp           u
localstack/localstack             4566                h
louislam/uptime-kuma              3001                h
mailhog/mailhog                   1025,8025           ha
mattermost/mattermost-team-edition 8065               hu
mattf/storm-worker                6700,6701,6702,6703 -
mautic/mautic                     80                  h
mccutchen/go-httpbin              8080                hd
mendhak/http-https-echo           8080,8443           ha
metabase/metabase                 3000                ha
minio/mc                          -                   r
minio/minio                       9000                hr
moby/buildkit                     -                   a
mvance/unbound                    53,53/udp           -
mysql/mysql-server                3306,33060,33061    r
n8nio/n8n                         5678                ha
newrelic/infrastructure           -                   a
newrelic/nrsysmond                -                   -
nginxdemos/hello                  80                  ha
nginxinc/nginx-unprivileged       8080                h
nginxproxy/acme-companion         -                   a
nginxproxy/nginx-proxy            80,443              h
nicolaka/netshoot                 -                   ia
nocodb/nocodb                     8080                ha
nodered/node-red                  1880                ha
nvidia/cuda                       -                   iu
ollama/ollama                     11434               hu
onlyoffice/documentserver         80,443              hu
openshift/etcd-20-centos7         2379,2380           r
openshift/origin                  8443,53             r
opensearchproject/opensearch      9200,9300,9600,9650 h
opensearchproject/opensearch-dashboards 5601          h
openzipkin/zipkin                 9410,9411           h
otel/opentelemetry-collector      4317,4318,55678,55679 d
otel/opentelemetry-collector-contrib 4317,4318,55678,55679 d
owasp/zap2docker-stable           8080,8090           h
owncloud/server                   8080                hu
pandoc/core                       -                   a
pgvector/pgvector                 5432                -
photoprism/photoprism             2342                hu
pihole/pihole                     53,53/udp,67/udp,80,443 h
plausible/analytics               8000                h
plexinc/pms-docker                32400,32400/udp     hu
polinux/stress                    -                   a
portainer/agent                   9001                d
portainer/portainer               8000,9000,9443      hd
portainer/portainer-ce            8000,9000,9443      hd
postgis/postgis                   5432                -
postgrest/postgrest               3000                hd
posthog/posthog                   8000                h
praqma/network-multitool          80,443              ha
prestashop/prestashop             80                  h
prom/alertmanager                 9093                hb
prom/blackbox-exporter            9115                hb
prom/mysqld-exporter              9104                hb
prom/node-exporter                9100                hb
prom/pushgateway                  9091                hb
provectuslabs/kafka-ui            8080                ha
pytorch/pytorch                   -                   iu
rancher/k3s                       6443                -
rancher/rancher                   80,443              h
redash/redash                     5000                h
redis/redis-stack                 6379,8001           -
redis/redis-stack-server          6379                -
redis/redisinsight                5540                h
redislabs/redisearch              6379                -
redislabs/redisinsight            8001                h
redislabs/redismod                6379                -
redislabs/rejson                  6379                -
resouer/mytomcat                  8080                h
resouer/sample                    -                   -
rmohr/activemq                    1883,5672,8161,61613,61614,61616 h
rocker/rstudio                    8787                hu
rocker/tidyverse                  8787                hu
rocketchat/rocket.chat            3000                h
selenium/hub                      4442,4443,4444      hu
selenium/node-chrome              5900                u
selenium/node-firefox             5900                u
selenium/standalone-chrome        4444,5900           hu
selenium/standalone-firefox       4444,5900           hu
semgrep/semgrep                   -                   a
sonatype/nexus3                   8081                hr
supabase/postgres                 5432                u
syncthing/syncthing               8384,21027/udp,22000 ha
sysdig/agent                      -                   -
temporalio/auto-setup             7233                -
temporalio/ui                     8080                h
tensorflow/serving                8500,8501           hu
tensorflow/tensorflow             -                   iu
tiangolo/uvicorn-gunicorn-fastapi 80                  h
timescale/timescaledb             5432                a
traefik/whoami                    80                  hd
vaultwarden/server                80                  h
victoriametrics/victoria-metrics  8428                ha
vish/stress                       -                   -
vitess/guestbook                  8080                h
wallabag/wallabag                 80                  ha
wbitt/network-multitool           80,443              ha
woodpeckerci/woodpecker-server    8000,9000           hd
wurstmeister/kafka                9092                a
wurstmeister/zookeeper            2181,22,2888,3888   u
ymqytw/nginxhttps                 80,443              h
zaproxy/zap-stable                8080,8090           h
zenika/alpine-chrome              -                   a

# Other registries
docker.elastic.co/beats/filebeat  -                   u
docker.elastic.co/beats/metricbeat -                  u
docker.elastic.co/elasticsearch/elasticsearch 9200,9300 hu
docker.elastic.co/kibana/kibana   5601                hu
docker.elastic.co/logstash/logstash 5044,9600         u
docker.redpanda.com/redpandadata/redpanda 8081,8082,9092,9644 h
docker.redpanda.com/vectorized/redpanda 8081,8082,9092,9644 h
gcr.io/cadvisor/cadvisor          8080                ha
gcr.io/distroless/base            -                   d
gcr.io/distroless/base-debian12   -                   d
gcr.io/distroless/cc-debian12     -                   d
gcr.io/distroless/java17-debian12 -                   d
gcr.io/distroless/nodejs20-debian12 -                 d
gcr.io/distroless/python3-debian12 -                  d
gcr.io/distroless/static          -                   d
gcr.io/distroless/static-debian12 -                   d
gcr.io/google-samples/cassandra   7000,7001,7199,9042 -
gcr.io/google-samples/gb-frontend 80                  h
gcr.io/google-samples/hello-app   8080                hd
gcr.io/google-samples/hello-frontend 80               h
gcr.io/google-samples/xtrabackup  -                   -
gcr.io/google_samples/gb-redisslave 6379              -
gcr.io/k8s-minikube/kicbase       22,2376,5000,8443,32443 u
gcr.io/kaniko-project/executor    -                   d
ghcr.io/home-assistant/home-assistant 8123            ha
ghcr.io/open-webui/open-webui     8080                h
ghcr.io/paperless-ngx/paperless-ngx 8000              h
k8s.gcr.io/echoserver             8080                h
k8s.gcr.io/fluentd-elasticsearch  24224               -
k8s.gcr.io/pause                  -                   d
mcr.microsoft.com/azure-sql-edge  1433                u
mcr.microsoft.com/devcontainers/base -                iu
mcr.microsoft.com/dotnet/aspnet   -                   i
mcr.microsoft.com/dotnet/runtime  -                   i
mcr.microsoft.com/dotnet/sdk      -                   i
mcr.microsoft.com/mssql/server    1433                u
mcr.microsoft.com/playwright      -                   iu
mcr.microsoft.com/powershell      -                   iu
mcr.microsoft.com/windows/nanoserver -                w
mcr.microsoft.com/windows/servercore -                w
quay.io/coreos/etcd               2379,2380           d
quay.io/fluentd_elasticsearch/fluentd 24224           -
quay.io/jetstack/cert-manager-controller 9402         d
quay.io/keycloak/keycloak         8080,8443           hr
quay.io/minio/minio               9000                hr
quay.io/pires/docker-elasticsearch-kubernetes 9200,9300 ha
quay.io/pires/hazelcast-kubernetes 5701               a
quay.io/prometheus/node-exporter  9100                hb
quay.io/prometheus/prometheus     9090                hb
registry.k8s.io/busybox           -                   ib
registry.k8s.io/coredns/coredns   53,53/udp           d
registry.k8s.io/e2e-test-images/agnhost 80            h
registry.k8s.io/echoserver        8080                h
registry.k8s.io/etcd              2379,2380           d
registry.k8s.io/example-dns-frontend -                -
registry.k8s.io/explorer          8080                h
registry.k8s.io/guestbook         3000                h
registry.k8s.io/ingress-nginx/controller 80,443       h
registry.k8s.io/kube-apiserver    -                   d
registry.k8s.io/kube-controller-manager -             d
registry.k8s.io/kube-proxy        -                   d
registry.k8s.io/kube-scheduler    -                   d
registry.k8s.io/kubernetes-zookeeper 2181,2888,3888   u
registry.k8s.io/metrics-server/metrics-server 4443    d
registry.k8s.io/nginx-slim        80,443              h
registry.k8s.io/pause             -                   d
registry.k8s.io/prometheus-adapter/prometheus-adapter 6443 d
registry.k8s.io/redis             6379                -
registry.k8s.io/redis-slave       6379                -
registry.k8s.io/rethinkdb         8080,28015,29015    h
registry.k8s.io/spark             -                   -
registry.k8s.io/volume-nfs        111/udp,2049,20048  r
us-docker.pkg.dev/google-samples/containers/gke/gb-redis-follower 6379 -
`

const BASE_BY_FLAG: Array<[string, ImageBase]> = [
  ['a', 'alpine'],
  ['u', 'ubuntu'],
  ['r', 'centos'],
  ['d', 'distroless'],
  ['b', 'busybox'],
  ['w', 'windows'],
]

function parseTable(table: string): GenericRepository[] {
  const out: GenericRepository[] = []
  for (const raw of table.split('\n')) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    const [name = '', portList = '-', flags = '-'] = line.split(/\s+/)
    const base = BASE_BY_FLAG.find(([flag]) => flags.includes(flag))?.[1] ?? 'debian'
    out.push({
      name,
      ports: portList === '-' ? [] : portList.split(','),
      http: flags.includes('h'),
      interactive: flags.includes('i'),
      base,
      windows: flags.includes('w'),
      tool: flags.includes('t'),
    })
  }
  return out
}

export const genericRepositories: GenericRepository[] = parseTable(TABLE)

/**
 * The few generic repositories whose real entrypoint, user and volumes are worth showing in
 * `docker inspect` (from their Dockerfiles).
 */
export const genericConfigs: Record<string, Partial<ImageConfig>> = {
  // curl/curl-container: an entrypoint script that puts `curl` in front of options or URLs.
  'curlimages/curl': {
    Entrypoint: ['/entrypoint.sh'],
    Cmd: ['curl'],
    WorkingDir: '/home/curl_user',
  },
  'appropriate/curl': { Entrypoint: ['/usr/bin/curl'], Cmd: [] },
  'alpine/curl': { Entrypoint: ['curl'], Cmd: [] },
  // minikube's node image boots systemd through its entrypoint (docker ps: "/usr/local/bin/entr…").
  'gcr.io/k8s-minikube/kicbase': {
    Entrypoint: ['/usr/local/bin/entrypoint', '/sbin/init'],
    Cmd: [],
  },
  'jenkins/jenkins': {
    Entrypoint: ['/usr/bin/tini', '--', '/usr/local/bin/jenkins.sh'],
    User: 'jenkins',
    WorkingDir: '/',
    Volumes: { '/var/jenkins_home': {} },
    Env: [
      'PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'JENKINS_HOME=/var/jenkins_home',
      'JENKINS_SLAVE_AGENT_PORT=50000',
      'REF=/usr/share/jenkins/ref',
      'JAVA_HOME=/opt/java/openjdk',
    ],
  },
  'gitlab/gitlab-ce': {
    Cmd: ['/assets/wrapper'],
    Volumes: { '/etc/gitlab': {}, '/var/log/gitlab': {}, '/var/opt/gitlab': {} },
  },
  // rpk behind the entrypoint script takes `redpanda start` (compose files pass it as one word).
  'docker.redpanda.com/vectorized/redpanda': {
    Entrypoint: ['/entrypoint.sh'],
    Cmd: ['redpanda', 'start'],
    User: 'redpanda',
    Volumes: { '/var/lib/redpanda/data': {} },
  },
  'docker.redpanda.com/redpandadata/redpanda': {
    Entrypoint: ['/entrypoint.sh'],
    Cmd: ['redpanda', 'start'],
    User: 'redpanda',
    Volumes: { '/var/lib/redpanda/data': {} },
  },
  'portainer/portainer-ce': {
    Entrypoint: ['/portainer'],
    WorkingDir: '/',
    Volumes: { '/data': {} },
  },
  'minio/minio': {
    Entrypoint: ['/usr/bin/docker-entrypoint.sh'],
    Cmd: ['minio'],
    Volumes: { '/data': {} },
  },
  elasticsearch: {
    Entrypoint: ['/bin/tini', '--', '/usr/local/bin/docker-entrypoint.sh'],
    Cmd: ['eswrapper'],
    User: '1000:0',
    WorkingDir: '/usr/share/elasticsearch',
  },
  kibana: {
    Entrypoint: ['/bin/tini', '--'],
    Cmd: ['/usr/local/bin/kibana-docker'],
    User: '1000',
    WorkingDir: '/usr/share/kibana',
  },
  logstash: {
    Entrypoint: ['/usr/local/bin/docker-entrypoint'],
    User: '1000',
    WorkingDir: '/usr/share/logstash',
  },
  registry: {
    Entrypoint: ['/entrypoint.sh'],
    Cmd: ['/etc/distribution/config.yml'],
    Volumes: { '/var/lib/registry': {} },
  },
  caddy: {
    Cmd: ['caddy', 'run', '--config', '/etc/caddy/Caddyfile', '--adapter', 'caddyfile'],
    WorkingDir: '/srv',
  },
  haproxy: {
    Entrypoint: ['docker-entrypoint.sh'],
    Cmd: ['haproxy', '-f', '/usr/local/etc/haproxy/haproxy.cfg'],
    User: 'haproxy',
    WorkingDir: '/var/lib/haproxy',
    StopSignal: 'SIGUSR1',
  },
  ghost: {
    Entrypoint: ['docker-entrypoint.sh'],
    Cmd: ['node', 'current/index.js'],
    WorkingDir: '/var/lib/ghost',
    Volumes: { '/var/lib/ghost/content': {} },
  },
  nextcloud: {
    Entrypoint: ['/entrypoint.sh'],
    Cmd: ['apache2-foreground'],
    WorkingDir: '/var/www/html',
    Volumes: { '/var/www/html': {} },
    StopSignal: 'SIGWINCH',
  },
  influxdb: {
    Entrypoint: ['/entrypoint.sh'],
    Cmd: ['influxd'],
    Volumes: { '/etc/influxdb2': {}, '/var/lib/influxdb2': {} },
  },
  sonarqube: {
    Entrypoint: ['/opt/sonarqube/docker/entrypoint.sh'],
    User: 'sonarqube',
    WorkingDir: '/opt/sonarqube',
    Volumes: {
      '/opt/sonarqube/data': {},
      '/opt/sonarqube/extensions': {},
      '/opt/sonarqube/logs': {},
    },
    StopSignal: 'SIGINT',
  },
  'dpage/pgadmin4': {
    Entrypoint: ['/entrypoint.sh'],
    User: 'pgadmin',
    WorkingDir: '/pgadmin4',
    Volumes: { '/var/lib/pgadmin': {} },
  },
  tomcat: {
    Cmd: ['catalina.sh', 'run'],
    WorkingDir: '/usr/local/tomcat',
  },
  'gitea/gitea': {
    Entrypoint: ['/usr/bin/entrypoint'],
    Cmd: ['/usr/bin/s6-svscan', '/etc/s6'],
    Volumes: { '/data': {} },
  },
  bash: { Entrypoint: ['docker-entrypoint.sh'], Cmd: ['bash'] },
  perl: { Cmd: ['perl', '-de0'] },
  ruby: { Cmd: ['irb'] },
  rust: { Cmd: ['bash'] },
  maven: { Entrypoint: ['/usr/local/bin/mvn-entrypoint.sh'], Cmd: ['mvn'] },
  // The pause image has no CMD: `docker ps` shows "/pause" alone.
  'registry.k8s.io/pause': { Entrypoint: ['/pause'], Cmd: undefined, User: '65535:65535' },
  'k8s.gcr.io/pause': { Entrypoint: ['/pause'], Cmd: undefined },
}

/**
 * Programs the generic images ship that Quai emulates, and the entrypoint script of the tool
 * images (the same test as curl/curl-container's etc/entrypoint.sh, written here in our words).
 */
export const genericFiles: Record<string, Record<string, string>> = {
  'curlimages/curl': {
    '/usr/bin/curl': '',
    '/entrypoint.sh':
      '#!/bin/sh\nset -e\n\n# Options or a URL first: run them with curl.\nif [ "${1#-}" != "${1}" ] || [ -z "$(command -v "${1}")" ]; then\n  set -- curl "$@"\nfi\n\nexec "$@"\n',
  },
  'appropriate/curl': { '/usr/bin/curl': '' },
  'alpine/curl': { '/usr/bin/curl': '' },
  'nicolaka/netshoot': { '/usr/bin/curl': '' },
  'praqma/network-multitool': { '/usr/bin/curl': '' },
  'wbitt/network-multitool': { '/usr/bin/curl': '' },
}
