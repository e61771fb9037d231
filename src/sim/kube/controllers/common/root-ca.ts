/**
 * The cluster CA the root-ca-cert-publisher copies into every namespace (`kube-root-ca.crt`): a
 * self-signed `minikubeCA` certificate generated once for Quai; no key exists anywhere.
 */
export const ROOT_CA_PEM =
  [
    '-----BEGIN CERTIFICATE-----',
    'MIIDGzCCAgOgAwIBAgIUSLhQMFQ75KxKZbHFlef1AJwyBo0wDQYJKoZIhvcNAQEL',
    'BQAwFTETMBEGA1UEAwwKbWluaWt1YmVDQTAeFw0yNjExMjYwMDM1MjRaFw0zNjEx',
    'MjMwMDM1MjRaMBUxEzARBgNVBAMMCm1pbmlrdWJlQ0EwggEiMA0GCSqGSIb3DQEB',
    'AQUAA4IBDwAwggEKAoIBAQCifNSWFEXYhwtPJjyVvgQKXfX3+6XxDJYrx82g+Ss7',
    '9GSPaB4Gs2SsUHElm4ljEJR9tu4H186IRBhp5gzgAA2axNkAI1G2Kz4Rir3+DLSQ',
    'Ci1cBJspGicxVcacbSv0XYYE9PGe8rxETujhSgX/bMl6Rio0SPA1B7Mbr7EdMdZX',
    'czai2YdTuACzC+yJHJ1A3QO7qqXpDsJpozF8PXjRlHaWMhTKBVPM8CVC+fxtaiCA',
    'waJVyd4qd1t1b5bvAiGj2wrZU2RsDsDogFKElrRMTFuUb2qRvepM804kTiJHFu2P',
    '5OHg1RRggGjR31ZUKCwbcPFSR+7KrcRFcz9ATn8kPh7rAgMBAAGjYzBhMB0GA1Ud',
    'DgQWBBRm9LDK6/or2XB0G8+rbb8m/hqcKjAfBgNVHSMEGDAWgBRm9LDK6/or2XB0',
    'G8+rbb8m/hqcKjAOBgNVHQ8BAf8EBAMCAqQwDwYDVR0TAQH/BAUwAwEB/zANBgkq',
    'hkiG9w0BAQsFAAOCAQEAhcSysDenmRVFhOIPA6rGXK+rhBWN77fu8xZJ2wPWWM63',
    'klzqx4b9uyhat4U/qexoEPeaoDM6JGHcltbVSs3RyiaXH5lu+oUHjeJgjUB8cINH',
    'z+jNNNPSbBVLtso6ZClJe1RFtgNzi8CYxEZOsjShcRAQuCiznRYhSAi+vKHEHiFU',
    'OHBkIa8NjOAF5IaXW/A0TpupgwReUGrdH5DzXZ1Qnb+EbyIf8xUOAd6hRZNAXHVd',
    'xTC8tM0sb62Z5zYISjcTaQJy9lHo+0KmLz1ltXpEUbRXaCVq+q6AwVU2yI/whGYN',
    'rfVWOefBiOv9e3H8YDvdaRgrFozlPZCa/toltIP+/g==',
    '-----END CERTIFICATE-----',
  ].join('\n') + '\n'
