import { it } from 'vitest'
import { Session } from '../../../../src/sim/shell/session'
it('scratch', async () => {
  const s = await Session.create({ seed: 1 })
  await s.run('minikube start')
  for (const c of ['docker ps', 'docker network ls', 'docker images', 'docker exec minikube cat /etc/os-release', 'docker exec minikube ls /etc/kubernetes/manifests', 'minikube stop', 'docker ps -a', 'minikube delete', 'docker ps -a', 'docker network ls']) {
    const r = await s.run(c)
    console.log('$ ' + c + '\n' + r.stdout + r.stderr + '[' + r.exitCode + ']')
  }
})
