import { describe, expect, it } from 'vitest'
import { Session } from '../../../../../src/sim/shell/session'

describe('Secret stringData', () => {
  it('is folded into data as base64, its values winning, and never stored', async () => {
    const s = await Session.create({ seed: 1 })
    await s.run('minikube start')
    await s.run(`cat > s.yaml <<'EOF'
apiVersion: v1
kind: Secret
metadata:
  name: db
data:
  user: YWRtaW4=
  password: b2xk
stringData:
  password: s3cr3t
  host: db.local
EOF`)
    expect((await s.run('kubectl apply -f s.yaml')).stdout).toBe('secret/db created\n')
    const got = await s.run(`kubectl get secret db -o jsonpath='{.data}{"\\n"}{.stringData}'`)
    expect(got.stdout).toBe('{"host":"ZGIubG9jYWw=","password":"czNjcjN0","user":"YWRtaW4="}\n')
    expect(got.exitCode).toBe(0)
  })

  it('with keys that are not valid is refused under data, as the API server names it', async () => {
    const s = await Session.create({ seed: 1 })
    await s.run('minikube start')
    await s.run(`cat > bad.yaml <<'EOF'
apiVersion: v1
kind: Secret
metadata:
  name: bad
stringData:
  "a b": x
EOF`)
    const r = await s.run('kubectl apply -f bad.yaml')
    expect(r.stderr).toBe(
      `Error from server (Invalid): error when creating "bad.yaml": Secret "bad" is invalid: data[a b]: Invalid value: "a b": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')\n`,
    )
    expect(r.exitCode).toBe(1)
  })

  it('leaves a ConfigMap key present in both data and binaryData refused on data', async () => {
    const s = await Session.create({ seed: 1 })
    await s.run('minikube start')
    await s.run(`cat > cm.yaml <<'EOF'
apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
data:
  k: v
binaryData:
  k: dg==
EOF`)
    const r = await s.run('kubectl apply -f cm.yaml')
    expect(r.stderr).toBe(
      `Error from server (Invalid): error when creating "cm.yaml": ConfigMap "cfg" is invalid: data[k]: Invalid value: "k": duplicate of key present in binaryData\n`,
    )
    expect(r.exitCode).toBe(1)
  })
})
